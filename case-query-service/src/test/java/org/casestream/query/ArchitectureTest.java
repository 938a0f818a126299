package org.casestream.query;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The read models (views, counters, folds, the Lucene index, the projection and its rebuilds) know nothing of
 * HTTP: the controllers read them, never the other way round. The packages form layers without a cycle:
 * platform; cases and agents; search and the counters (analytics, dashboard); projection (which feeds them all,
 * a generation of them is its ReadModels); stream; rebuild; web. And the query side shares only shared-events
 * with the other services.
 */
@AnalyzeClasses(packages = "org.casestream.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Spring MVC, servlets, HTTP types, and this module's own controllers. */
    private static final DescribedPredicate<JavaClass> WEB_LAYER = or(
            resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."),
            annotatedWith(RestController.class), annotatedWith(RestControllerAdvice.class))
            .as("the web layer (Spring MVC, servlets, HTTP, controllers)");

    @ArchTest
    static final ArchRule projectionHasNoWeb = noClasses()
            .that().resideInAnyPackage("..query.projection..", "..query.search..", "..query.rebuild..")
            .and().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(WEB_LAYER)
            .because("the projection, the index and the rebuild are fed by Kafka; the web adapters only read them");

    @ArchTest
    static final ArchRule readModelsHaveNoWeb = noClasses()
            .that().haveSimpleNameEndingWith("Views").or().haveSimpleNameEndingWith("Counters")
            .or().haveSimpleNameEndingWith("Fold").or().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat(WEB_LAYER)
            .because("views and counters are the read models; the controllers translate them to HTTP");

    @ArchTest
    static final ArchRule sharesOnlyTheCatalogue = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.casestream.command..", "org.casestream.routing..", "org.casestream.notification..",
                    "org.casestream.gateway..")
            .because("services share only shared-events");

    @ArchTest
    static final ArchRule httpAdaptersLiveAtTheEdge = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(RestControllerAdvice.class)
            .should().resideInAPackage("..query.web..")
            .because("the read models, the projection, the stream and the rebuild sit below the HTTP adapters, "
                    + "which read all of them: a controller inside a read model's package would make it depend on "
                    + "the rebuild that depends on it");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.casestream.query.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on its dependants cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("..query.web..")
            .layer("Orchestration").definedBy("..query.rebuild..", "..query.stream..")
            .layer("Projection").definedBy("..query.projection..")
            .layer("ReadModels").definedBy("..query.cases..", "..query.agents..", "..query.search..",
                    "..query.dashboard..", "..query.analytics..", "..query.counters..", "..query.saved..")
            .layer("Platform").definedBy("..query.platform..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Orchestration").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Projection").mayOnlyBeAccessedByLayers("Orchestration", "Web")
            .whereLayer("ReadModels").mayOnlyBeAccessedByLayers("Projection", "Orchestration", "Web")
            .because("each read model owns its fold, counters or index; the projection feeds them, the rebuild and "
                    + "the stream run the projection, and the HTTP adapters read them all, never the reverse");
}
