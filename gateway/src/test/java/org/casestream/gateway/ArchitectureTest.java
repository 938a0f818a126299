package org.casestream.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway talks to the services over HTTP only, and its secrets are handled in one place each. */
@AnalyzeClasses(packages = "org.casestream.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.casestream.command..", "org.casestream.query..", "org.casestream.routing..",
                    "org.casestream.notification..")
            .because("the gateway reaches the services over HTTP, never through their code");

    @ArchTest
    static final ArchRule onlyTheIssuerSigns = noClasses().that().resideOutsideOfPackage("org.casestream.gateway.tokens")
            .should().dependOnClassesThat().resideInAPackage("com.nimbusds.jose.crypto..")
            .because("the private key is used by TokenIssuer alone");

    @ArchTest
    static final ArchRule controllersDoNotQueryTheDatabase = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("storage stays behind the repositories");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.casestream.gateway.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on its dependants cannot be understood, tested or moved on its own");
}
