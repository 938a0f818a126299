package org.casestream.routing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casestream.routing.decider.RoutingScenario.CLASSIFICATION_RULES;
import static org.casestream.routing.decider.RoutingScenario.EVENT_ID;
import static org.casestream.routing.decider.RoutingScenario.NOW;
import static org.casestream.routing.decider.RoutingScenario.POLICIES;
import static org.casestream.routing.decider.RoutingScenario.SETTINGS;
import static org.casestream.routing.decider.RoutingScenario.SLA_POLICY;
import static org.casestream.routing.decider.RoutingScenario.aCase;
import static org.casestream.routing.decider.RoutingScenario.byPerson;
import static org.casestream.routing.decider.RoutingScenario.given;
import static org.casestream.routing.decider.RoutingScenario.id;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.classification.ClassificationSource;
import org.casestream.routing.classification.Example;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.classification.QueueDecision;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.routing.classification.SentenceEmbedder;
import org.casestream.routing.decider.Cause.Plain;
import org.casestream.routing.decider.RoutingDecision.Classify;
import org.casestream.routing.decider.RoutingDecision.FollowUp;
import org.casestream.routing.decider.RoutingDecision.KeepPriority;
import org.casestream.routing.decider.RoutingDecision.KeepQueue;
import org.casestream.routing.decider.RoutingDecision.Prioritise;
import org.casestream.routing.decider.RoutingDecision.SetSlaTargets;
import org.casestream.routing.decider.RoutingState.Policies;
import org.casestream.routing.decider.RoutingState.Settings;
import org.casestream.routing.decider.Trigger.CaseTriaged;
import org.casestream.routing.priority.PriorityDecision;
import org.casestream.routing.sla.SlaDue;
import org.junit.jupiter.api.Test;

/** A new case is classified, prioritised and given its SLA targets; its assignment follows once those are answered. */
class TriageTest {

    private static final UUID CASE = id("case");
    /** What a classifier without examples thinks of any case: nothing. */
    private static final SemanticClassifier.Prediction NO_OPINION = SemanticClassifier.Prediction.nothing(
            SemanticClassifier.Settings.DEFAULTS.threshold(), 0);

    @Test
    void anUnclassifiedCaseIsClassifiedByRulePrioritisedAndGivenItsSlaThenAssignedInAFollowUp() {
        CaseOpened opened = opened("I was charged twice", "Two identical debits", Tier.GOLD, Queue.UNCLASSIFIED,
                Priority.MEDIUM, null);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        assertThat(decisions).containsExactly(
                new Classify(CASE, new QueueDecision(Queue.PAYMENTS, ClassificationSource.RULE,
                        CLASSIFICATION_RULES.get(1), NO_OPINION), "event-1:classify"),
                new Prioritise(CASE, new PriorityDecision(Priority.HIGH, Priority.MEDIUM, null, List.of(10L)),
                        "event-1:priority"),
                // high × gold: 2 h and 16 h round the clock, from when the case opened
                new SetSlaTargets(CASE, new SlaDue(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(16)),
                        "high/gold"), Plain.OPENED, "event-1:sla"),
                new FollowUp(CASE, new CaseTriaged(EVENT_ID, CASE)));
        assertThat(((Prioritise) decisions.get(1)).reason()).isEqualTo("routing rules [10]");
    }

    @Test
    void aCaseNothingMatchesStaysUnclassifiedAtItsPriorityOnTheOfficeCalendar() {
        CaseOpened opened = opened("Hello", "Just saying hi", Tier.STANDARD, Queue.UNCLASSIFIED, Priority.MEDIUM,
                null);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        assertThat(decisions).containsExactly(
                new KeepQueue(CASE, Queue.UNCLASSIFIED, new QueueDecision(Queue.UNCLASSIFIED,
                        ClassificationSource.NONE, null, NO_OPINION)),
                new KeepPriority(CASE, new PriorityDecision(Priority.MEDIUM, Priority.MEDIUM, null, List.of())),
                new SetSlaTargets(CASE, SLA_POLICY.due(NOW, Priority.MEDIUM, Tier.STANDARD).orElseThrow(),
                        Plain.OPENED, "event-1:sla"),
                new FollowUp(CASE, new CaseTriaged(EVENT_ID, CASE)));
        assertThat(((SetSlaTargets) decisions.get(2)).due().policy()).isEqualTo("medium/standard@office");
    }

    @Test
    void aQueueGivenAtIntakeStandsAndTheRuleThatWouldHaveMatchedIsStillExplained() {
        CaseOpened opened = opened("Refund", "for my login trouble", Tier.STANDARD, Queue.LOGIN, Priority.MEDIUM,
                null);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        assertThat(decisions.getFirst()).isEqualTo(new KeepQueue(CASE, Queue.LOGIN,
                new QueueDecision(Queue.REFUNDS, ClassificationSource.RULE, CLASSIFICATION_RULES.get(0), NO_OPINION)));
    }

    /** The semantic classifier over these examples, and a case the rules put in Deliveries ("package"). */
    private static SemanticClassifier classifierOf(Example... examples) {
        SentenceEmbedder embedder = new SentenceEmbedder();
        List<Example> list = List.of(examples);
        return new SemanticClassifier(embedder, SemanticClassifier.Settings.DEFAULTS, list,
                embedder.embedAll(list.stream().map(Example::text).toList()));
    }

    private static CaseOpened jacketBackInItsPackage() {
        return opened("Jacket", "Reimburse me for the jacket, it is back in its package", Tier.STANDARD,
                Queue.UNCLASSIFIED, Priority.MEDIUM, null);
    }

    @Test
    void aSureClassifierDecidesOverAnOrdinaryRuleAndADecisiveRuleOverIt() {
        SemanticClassifier classifier = classifierOf(
                new Example("1", Queue.REFUNDS, Example.Source.SHIPPED, "I want to be reimbursed for the jacket"),
                new Example("2", Queue.REFUNDS, Example.Source.SHIPPED, "please give me my money back"),
                new Example("3", Queue.REFUNDS, Example.Source.ADMIN, "reimbursement for the shoes I sent back"),
                new Example("4", Queue.ORDERS, Example.Source.SHIPPED, "change the size on my order"),
                new Example("5", Queue.ORDERS, Example.Source.LEARNT, "add a second shirt to my order"));
        // "package" makes the rules say Deliveries; the examples say this is about money back
        CaseOpened opened = jacketBackInItsPackage();
        Policies policies = new Policies(POLICIES.classificationRules(), POLICIES.priorityRules(), SLA_POLICY,
                classifier);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).policies(policies)
                .when(byPerson(opened));

        assertThat(decisions.getFirst()).isInstanceOfSatisfying(Classify.class, classify -> {
            assertThat(classify.why().queue()).isEqualTo(Queue.REFUNDS);
            assertThat(classify.why().source()).isEqualTo(ClassificationSource.CLASSIFIER);
            assertThat(classify.why().rule().queue()).isEqualTo(Queue.DELIVERIES);
            assertThat(classify.why().prediction().examples()).isEqualTo(5);
            assertThat(classify.why().prediction().confidence()).isGreaterThanOrEqualTo(0.55);
            assertThat(classify.why().prediction().neighbours().getFirst().example().queue())
                    .isEqualTo(Queue.REFUNDS);
        });

        List<ClassificationRule> decisive = List.of(new ClassificationRule(6, 30, Queue.DELIVERIES, MatchKind.KEYWORD,
                "package", true));
        List<RoutingDecision> ruled = given().theCase(RoutedCase.opened(opened, 0))
                .policies(new Policies(decisive, POLICIES.priorityRules(), SLA_POLICY, classifier))
                .when(byPerson(opened));
        assertThat(ruled.getFirst()).isInstanceOfSatisfying(Classify.class, classify -> {
            assertThat(classify.why().queue()).isEqualTo(Queue.DELIVERIES);
            assertThat(classify.why().source()).isEqualTo(ClassificationSource.RULE);
            assertThat(classify.why().prediction().best()).isEqualTo(Queue.REFUNDS);
        });
    }

    @Test
    void noNewCaseGoesToAnArchivedQueueByRuleOrByTheClassifier() {
        SemanticClassifier classifier = classifierOf(
                new Example("1", Queue.REFUNDS, Example.Source.SHIPPED, "I want to be reimbursed for the jacket"),
                new Example("2", Queue.REFUNDS, Example.Source.SHIPPED, "please give me my money back"),
                new Example("3", Queue.ORDERS, Example.Source.SHIPPED, "change the size on my order"));
        CaseOpened opened = jacketBackInItsPackage();
        List<ClassificationRule> rules = List.of(
                new ClassificationRule(6, 30, Queue.PAYMENTS, MatchKind.KEYWORD, "jacket", true),
                new ClassificationRule(7, 40, Queue.DELIVERIES, MatchKind.KEYWORD, "package", false));

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0))
                .policies(new Policies(rules, POLICIES.priorityRules(), SLA_POLICY, classifier,
                        Set.of(Queue.PAYMENTS, Queue.REFUNDS)))
                .when(byPerson(opened));

        // the decisive rule's queue and the classifier's answer are archived: the ordinary rule decides
        assertThat(decisions.getFirst()).isInstanceOfSatisfying(Classify.class, classify -> {
            assertThat(classify.why().queue()).isEqualTo(Queue.DELIVERIES);
            assertThat(classify.why().source()).isEqualTo(ClassificationSource.RULE);
        });
    }

    @Test
    void aChannelsRequestedPriorityIsAHintThatRaisesTheCaseAtMostToHigh() {
        CaseOpened opened = opened("Hello", "please hurry", Tier.STANDARD, Queue.UNCLASSIFIED, Priority.LOW,
                Priority.CRITICAL);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        Prioritise prioritise = new Prioritise(CASE, new PriorityDecision(Priority.HIGH, Priority.LOW,
                Priority.CRITICAL, List.of()), "event-1:priority");
        assertThat(decisions).contains(prioritise);
        assertThat(prioritise.reason()).isEqualTo("routing rules [], channel asked for critical");
        // the SLA follows the raised priority
        assertThat(decisions).filteredOn(SetSlaTargets.class::isInstance)
                .singleElement().extracting(decision -> ((SetSlaTargets) decision).due().policy())
                .isEqualTo("high/standard");
    }

    @Test
    void onlyARuleMakesACaseCritical() {
        CaseOpened opened = opened("Outage", "the site is down for everyone", Tier.STANDARD, Queue.UNCLASSIFIED,
                Priority.MEDIUM, Priority.LOW);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        assertThat(decisions).contains(new Prioritise(CASE, new PriorityDecision(Priority.CRITICAL, Priority.MEDIUM,
                Priority.LOW, List.of(40L)), "event-1:priority"));
    }

    @Test
    void noCellInTheSlaMatrixMeansNoTargets() {
        CaseOpened opened = opened("Hello", "a low one", Tier.GOLD, Queue.UNCLASSIFIED, Priority.LOW, null);

        List<RoutingDecision> decisions = given().theCase(RoutedCase.opened(opened, 0)).when(byPerson(opened));

        assertThat(decisions).noneMatch(SetSlaTargets.class::isInstance)
                .last().isEqualTo(new FollowUp(CASE, new CaseTriaged(EVENT_ID, CASE)));
    }

    @Test
    void aPriorityChangeMovesTheSlaTargetsToTheNewCell() {
        RoutedCase raised = aCase("case").in(Queue.LOGIN).priority(Priority.HIGH).openedAt(NOW)
                .due(NOW.plus(Duration.ofHours(8)), NOW.plus(Duration.ofDays(6))).build();

        List<RoutingDecision> decisions = given().theCase(raised)
                .when(byPerson(new CasePriorityChanged(CASE, Priority.HIGH, Priority.MEDIUM, "customer called")));

        assertThat(decisions).containsExactly(new SetSlaTargets(CASE, new SlaDue(NOW.plus(Duration.ofHours(4)),
                NOW.plus(Duration.ofHours(24)), "high/standard"), new Cause.PriorityChanged(Priority.HIGH),
                "event-1:sla"));
        assertThat(((SetSlaTargets) decisions.getFirst()).because().text()).isEqualTo("priority changed to high");
    }

    @Test
    void targetsThatAlreadyFitAndClosedCasesAreLeftAlone() {
        CasePriorityChanged changed = new CasePriorityChanged(CASE, Priority.HIGH, Priority.MEDIUM, "customer called");
        RoutedCase fits = aCase("case").priority(Priority.HIGH).openedAt(NOW)
                .due(NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofHours(24))).build();
        RoutedCase closed = aCase("case").priority(Priority.HIGH).status(CaseStatus.DONE).build();

        assertThat(given().theCase(fits).when(byPerson(changed))).isEmpty();
        assertThat(given().theCase(closed).when(byPerson(changed))).isEmpty();
    }

    private static CaseOpened opened(String subject, String description, Tier tier, Queue queue, Priority priority,
            Priority requested) {
        return new CaseOpened(CASE, "CS-1", new Customer("customer-1", "Ada", "ada@example.com", tier), subject,
                description, Channel.WEB, null, queue, priority, List.of(), NOW, null, requested);
    }
}
