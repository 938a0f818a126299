package org.casestream.events;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The catalogue is a plain library: every service depends on it, so it must depend on no framework. */
@AnalyzeClasses(packages = "org.casestream.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..").because("shared-events has no Spring");

    @ArchTest
    static final ArchRule noAxon = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.axonframework..").because("shared-events has no Axon");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.casestream.events.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on its dependants cannot be understood, tested or moved on its own");
}
