package org.casestream.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("..gateway.web..")
            .layer("Features").definedBy("..gateway.apikeys..", "..gateway.auth..", "..gateway.ratelimit..",
                    "..gateway.routes..", "..gateway.services..")
            .layer("Accounts").definedBy("..gateway.users..")
            .layer("Core").definedBy("..gateway.tokens..", "..gateway.audit..", "..gateway.http..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Accounts").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Web", "Features", "Accounts")
            .because("the security chain wires the features; the features use the accounts; tokens, the audit "
                    + "and problem writing sit below them all");
}
