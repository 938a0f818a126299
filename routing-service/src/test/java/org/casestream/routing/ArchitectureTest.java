package org.casestream.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The routing policies stay plain Java: no Spring, no JDBC, no web, no Kafka, no HTTP client in them. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casestream.routing");

    @Test
    void thePoliciesDependOnNoFramework() {
        noClasses().that().resideInAnyPackage("..routing.classification..", "..routing.priority..",
                        "..routing.sla..", "..routing.assignment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "jakarta.servlet..", "org.apache.kafka..", "io.github.resilience4j..",
                        "org.casestream.routing.process..", "org.casestream.routing.commands..",
                        "org.casestream.routing.config..")
                .check(classes);
    }

    @Test
    void theDeciderIsAPureFunctionOfItsStateTriggerAndTime() {
        noClasses().that().resideInAPackage("..routing.decider..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta..", "org.apache.kafka..", "org.casestream.events.kafka..",
                        "io.github.resilience4j..", "com.fasterxml.jackson..",
                        "org.casestream.routing.commands..", "org.casestream.routing.process..",
                        "org.casestream.routing.config..", "org.casestream.routing.decisions..")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("decide(state, trigger, now) is tested given / when / then without Spring, a database, a "
                        + "broker or a clock: the shell in process loads, sends and records")
                .check(classes);
    }

    @Test
    void onlyTheCommandClientTalksToTheCommandService() {
        noClasses().that().resideOutsideOfPackage("..routing.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.resilience4j..",
                        "org.springframework.web.client..")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.casestream.routing.(*)..").should().beFreeOfCycles()
                .because("a package that depends on its dependants cannot be understood, tested or moved on its own")
                .check(classes);
    }

    @Test
    void layersAccessOnlyTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Web").definedBy("..routing.decisions..")
                .layer("Process").definedBy("..routing.process..")
                .layer("Adapters").definedBy("..routing.config..", "..routing.commands..")
                .layer("Decider").definedBy("..routing.decider..")
                .layer("Policies").definedBy("..routing.assignment..", "..routing.classification..",
                        "..routing.priority..", "..routing.sla..")
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Process").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Process")
                .whereLayer("Decider").mayOnlyBeAccessedByLayers("Process")
                .whereLayer("Policies").mayOnlyBeAccessedByLayers("Decider", "Process", "Adapters")
                .because("the process loads state, asks the pure decider, and carries its decisions out through the "
                        + "command client and the stores; the decider applies the policies and knows none of them")
                .check(classes);
    }
}
