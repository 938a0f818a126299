package org.casestream.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service shares only the event catalogue with the others, and who-gets-what is decided apart from I/O. */
@AnalyzeClasses(packages = "org.casestream.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharesOnlyTheCatalogue = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.casestream.command..", "org.casestream.routing..", "org.casestream.query..",
                    "org.casestream.gateway..", "org.casestream.localstack..")
            .because("services share only shared-events (and service-support); never another service's code");

    @ArchTest
    static final ArchRule rulesDoNotSend = noClasses().that().resideInAPackage("..notification.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.springframework.mail..",
                    "jakarta.mail..", "org.apache.kafka..")
            .because("deciding who gets what records deliveries; only the transports send");

    @ArchTest
    static final ArchRule onlyTheConsumerReadsKafka = noClasses().that().resideOutsideOfPackages(
                    "..notification.events..", "..notification.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.casestream.notification.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on its dependants cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Intake").definedBy("..notification.events..")
            .layer("Mail intake").definedBy("..notification.inbound..")
            .layer("Planning").definedBy("..notification.planning..")
            .layer("Channels").definedBy("..notification.email..", "..notification.slack..", "..notification.webhooks..")
            .layer("Core").definedBy("..notification.deliveries..", "..notification.directory..",
                    "..notification.rules..", "..notification.settings..", "..notification.secrets..",
                    "..notification.threads..")
            .layer("Platform").definedBy("..notification.platform..")
            .whereLayer("Intake").mayNotBeAccessedByAnyLayer()
            .whereLayer("Mail intake").mayNotBeAccessedByAnyLayer()
            .whereLayer("Planning").mayOnlyBeAccessedByLayers("Intake")
            .whereLayer("Channels").mayOnlyBeAccessedByLayers("Planning")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Intake", "Mail intake", "Planning", "Channels")
            .because("events and received mail come in at the edge; events are planned into deliveries; each channel "
                    + "sends its own; the delivery log, directory, rules, settings and mail threads below know none "
                    + "of them");
}
