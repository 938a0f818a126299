package org.casestream.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (aggregates, commands, rules) knows nothing of HTTP, SQL or Kafka; adapters depend on it. */
@AnalyzeClasses(packages = "org.casestream.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoWeb = noClasses().that().resideInAPackage("..command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.http..")
            .because("the domain decides; the web adapters translate");

    @ArchTest
    static final ArchRule domainHasNoPersistence = noClasses().that().resideInAPackage("..command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..", "org.springframework.transaction..", "org.apache.kafka..",
                    "org.flywaydb..")
            .because("the event store and Kafka are adapters around the domain");

    @ArchTest
    static final ArchRule domainHasNoAdapters = noClasses().that().resideInAPackage("..command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.intake..", "..command.cases..",
                    "..command.agents..", "..command.audit..", "..command.publishing..", "..command.platform..",
                    "..command.customers..", "..command.attachments..", "..command.macros..", "..command.surveys..",
                    "..command.queues..", "..command.imports..");

    @ArchTest
    static final ArchRule sharesOnlyTheCatalogue = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.casestream.routing..", "org.casestream.query..", "org.casestream.notification..",
                    "org.casestream.gateway..")
            .because("services share only shared-events");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.casestream.command.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on its dependants cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Features").definedBy("..command.intake..", "..command.cases..", "..command.agents..",
                    "..command.audit..", "..command.attachments..", "..command.customers..", "..command.macros..",
                    "..command.publishing..", "..command.surveys..", "..command.queues..",
                    "..command.imports..")
            .layer("Platform").definedBy("..command.platform..")
            .layer("Domain").definedBy("..command.domain..")
            .whereLayer("Features").mayNotBeAccessedByAnyLayer()
            .whereLayer("Platform").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Features", "Platform")
            .because("the web and messaging adapters of each feature call the aggregates through Axon (configured in "
                    + "platform); the domain decides and knows neither");
}
