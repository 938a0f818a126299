package org.casestream.command.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casestream.command.domain.cases.CaseAggregate;
import org.casestream.command.domain.cases.CaseCommands.AbsorbCase;
import org.casestream.command.domain.cases.CaseCommands.AddComment;
import org.casestream.command.domain.cases.CaseCommands.ApplyMacro;
import org.casestream.command.domain.cases.CaseCommands.AssignCase;
import org.casestream.command.domain.cases.CaseCommands.ChangeCustomer;
import org.casestream.command.domain.cases.CaseCommands.ChangePriority;
import org.casestream.command.domain.cases.CaseCommands.ChangeStatus;
import org.casestream.command.domain.cases.CaseCommands.ChangeSubject;
import org.casestream.command.domain.cases.CaseCommands.ClassifyCase;
import org.casestream.command.domain.cases.CaseCommands.EscalateCase;
import org.casestream.command.domain.cases.CaseCommands.MergeCaseInto;
import org.casestream.command.domain.cases.CaseCommands.OpenCase;
import org.casestream.command.domain.cases.CaseCommands.RateSatisfaction;
import org.casestream.command.domain.cases.CaseCommands.RecordFirstResponse;
import org.casestream.command.domain.cases.CaseCommands.RecordSlaBreach;
import org.casestream.command.domain.cases.CaseCommands.ReopenCase;
import org.casestream.command.domain.cases.CaseCommands.SetSlaTargets;
import org.casestream.command.domain.cases.CaseCommands.TagCase;
import org.casestream.command.domain.cases.CaseCommands.UnassignCase;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.SlaTarget;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given / when / then for every rule of the Case aggregate, legal and illegal. */
class CaseAggregateTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final UUID OTHER_AGENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Customer CUSTOMER = new Customer("cus-1", "Ada", "ada@example.com", Tier.GOLD);

    private AggregateTestFixture<CaseAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE, "CS-1001", CUSTOMER, "Cannot log in", "Reset mail never arrives", Channel.EMAIL,
                "mail-1", Queue.UNCLASSIFIED, Priority.MEDIUM, List.of("vip"), NOW);
    }

    private static CaseStatusChanged started() {
        return new CaseStatusChanged(CASE, CaseStatus.IN_PROGRESS, CaseStatus.NEW);
    }

    private static CaseStatusChanged finished() {
        return new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS);
    }

    private static AddComment comment(UUID id, UUID parent, AuthorType author, Visibility visibility) {
        return new AddComment(CASE, id, parent, author, "a-1", "Grace", visibility, "Hello", List.of(), NOW);
    }

    private static CommentAdded commentAdded(UUID id, UUID parent, AuthorType author, Visibility visibility) {
        return new CommentAdded(CASE, id, parent, author, "a-1", "Grace", visibility, "Hello", List.of());
    }

    @Test
    void opensWithNormalisedTags() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE, "CS-1001", CUSTOMER, "Cannot log in", "Reset mail never arrives",
                        Channel.EMAIL, "mail-1", Queue.UNCLASSIFIED, Priority.MEDIUM, List.of(" VIP", "vip"), NOW,
                        CaseOrigin.CHANNEL, Priority.HIGH, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(CASE, "CS-1001", CUSTOMER, "Cannot log in", "Reset mail never arrives",
                        Channel.EMAIL, "mail-1", Queue.UNCLASSIFIED, Priority.MEDIUM, List.of("vip"), NOW,
                        CaseOrigin.CHANNEL, Priority.HIGH));
    }

    @Nested
    class Status {

        @Test
        void newGoesInProgress() {
            fixture.given(opened()).when(new ChangeStatus(CASE, CaseStatus.IN_PROGRESS)).expectEvents(started());
        }

        @Test
        void inProgressGoesDone() {
            fixture.given(opened(), started()).when(new ChangeStatus(CASE, CaseStatus.DONE))
                    .expectEvents(finished());
        }

        @Test
        void newCannotSkipToDone() {
            fixture.given(opened()).when(new ChangeStatus(CASE, CaseStatus.DONE))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void cannotGoBackToNew() {
            fixture.given(opened(), started()).when(new ChangeStatus(CASE, CaseStatus.NEW))
                    .expectException(RuleViolation.class);
        }

        @Test
        void doneCannotBeReopenedByAnAgentStatusChange() {
            fixture.given(opened(), started(), finished()).when(new ChangeStatus(CASE, CaseStatus.IN_PROGRESS))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void sameStatusAgainIsIllegal() {
            fixture.given(opened(), started()).when(new ChangeStatus(CASE, CaseStatus.IN_PROGRESS))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Comments {

        @Test
        void firstPublicAgentReplyRecordsTheFirstResponse() {
            UUID id = UUID.randomUUID();
            fixture.given(opened()).when(comment(id, null, AuthorType.AGENT, Visibility.PUBLIC))
                    .expectEvents(commentAdded(id, null, AuthorType.AGENT, Visibility.PUBLIC),
                            new FirstResponseRecorded(CASE, NOW, "a-1"));
        }

        @Test
        void internalNoteIsNoResponse() {
            UUID id = UUID.randomUUID();
            fixture.given(opened()).when(comment(id, null, AuthorType.AGENT, Visibility.INTERNAL))
                    .expectEvents(commentAdded(id, null, AuthorType.AGENT, Visibility.INTERNAL));
        }

        @Test
        void secondReplyRecordsNothingMore() {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            fixture.given(opened(), commentAdded(first, null, AuthorType.AGENT, Visibility.PUBLIC),
                            new FirstResponseRecorded(CASE, NOW, "a-1"))
                    .when(comment(second, first, AuthorType.AGENT, Visibility.PUBLIC))
                    .expectEvents(commentAdded(second, first, AuthorType.AGENT, Visibility.PUBLIC));
        }

        @Test
        void threadsUnderAnExistingComment() {
            UUID parent = UUID.randomUUID();
            UUID reply = UUID.randomUUID();
            fixture.given(opened(), commentAdded(parent, null, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .when(comment(reply, parent, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .expectEvents(commentAdded(reply, parent, AuthorType.CUSTOMER, Visibility.PUBLIC));
        }

        @Test
        void refusesAnUnknownParent() {
            fixture.given(opened())
                    .when(comment(UUID.randomUUID(), UUID.randomUUID(), AuthorType.AGENT, Visibility.PUBLIC))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void customersCannotWriteInternalNotes() {
            fixture.given(opened()).when(comment(UUID.randomUUID(), null, AuthorType.CUSTOMER, Visibility.INTERNAL))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void customerReplyReopensADoneCase() {
            UUID id = UUID.randomUUID();
            fixture.given(opened(), started(), finished())
                    .when(comment(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .expectEvents(commentAdded(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC),
                            new CaseReopened(CASE, CaseStatus.IN_PROGRESS, id));
        }

        @Test
        void agentNoteOnADoneCaseDoesNotReopenIt() {
            UUID id = UUID.randomUUID();
            fixture.given(opened(), started(), finished())
                    .when(comment(id, null, AuthorType.AGENT, Visibility.INTERNAL))
                    .expectEvents(commentAdded(id, null, AuthorType.AGENT, Visibility.INTERNAL));
        }

        @Test
        void theSameCommentTwiceIsAddedOnce() {
            UUID id = UUID.randomUUID();
            fixture.given(opened(), commentAdded(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .when(comment(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void explicitFirstResponseOnlyOnce() {
            fixture.given(opened()).when(new RecordFirstResponse(CASE, "a-1", NOW))
                    .expectEvents(new FirstResponseRecorded(CASE, NOW, "a-1"));
            fixture.given(opened(), new FirstResponseRecorded(CASE, NOW, "a-1"))
                    .when(new RecordFirstResponse(CASE, "a-1", NOW)).expectException(RuleViolation.class);
        }
    }

    @Nested
    class Assignment {

        @Test
        void assignsByHand() {
            fixture.given(opened()).when(new AssignCase(CASE, AGENT, AssignmentReason.MANUAL))
                    .expectEvents(new CaseAssigned(CASE, AGENT, null, AssignmentReason.MANUAL));
        }

        @Test
        void reassigningByHandIsATransfer() {
            fixture.given(opened(), new CaseAssigned(CASE, AGENT, null, AssignmentReason.AUTO))
                    .when(new AssignCase(CASE, OTHER_AGENT, AssignmentReason.MANUAL))
                    .expectEvents(new CaseAssigned(CASE, OTHER_AGENT, AGENT, AssignmentReason.TRANSFER));
        }

        @Test
        void routingKeepsItsOwnReason() {
            fixture.given(opened(), new CaseAssigned(CASE, AGENT, null, AssignmentReason.AUTO))
                    .when(new AssignCase(CASE, OTHER_AGENT, AssignmentReason.ESCALATION))
                    .expectEvents(new CaseAssigned(CASE, OTHER_AGENT, AGENT, AssignmentReason.ESCALATION));
        }

        @Test
        void sameAgentAgainChangesNothing() {
            fixture.given(opened(), new CaseAssigned(CASE, AGENT, null, AssignmentReason.AUTO))
                    .when(new AssignCase(CASE, AGENT, AssignmentReason.MANUAL)).expectNoEvents();
        }

        @Test
        void cannotAssignADoneCase() {
            fixture.given(opened(), started(), finished())
                    .when(new AssignCase(CASE, AGENT, AssignmentReason.MANUAL)).expectException(RuleViolation.class);
        }

        @Test
        void unassigns() {
            fixture.given(opened(), new CaseAssigned(CASE, AGENT, null, AssignmentReason.AUTO))
                    .when(new UnassignCase(CASE, AssignmentReason.AGENT_OFFLINE))
                    .expectEvents(new CaseUnassigned(CASE, AGENT, AssignmentReason.AGENT_OFFLINE));
        }

        @Test
        void cannotUnassignWhatNobodyHas() {
            fixture.given(opened()).when(new UnassignCase(CASE, AssignmentReason.MANUAL))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Routing {

        @Test
        void classifies() {
            fixture.given(opened()).when(new ClassifyCase(CASE, Queue.LOGIN, "rule"))
                    .expectEvents(new CaseClassified(CASE, Queue.LOGIN, Queue.UNCLASSIFIED, "rule"));
        }

        @Test
        void sameQueueChangesNothing() {
            fixture.given(opened(), new CaseClassified(CASE, Queue.LOGIN, Queue.UNCLASSIFIED, "rule"))
                    .when(new ClassifyCase(CASE, Queue.LOGIN, "manual")).expectNoEvents();
        }

        @Test
        void changesPriority() {
            fixture.given(opened()).when(new ChangePriority(CASE, Priority.CRITICAL, "account locked"))
                    .expectEvents(new CasePriorityChanged(CASE, Priority.CRITICAL, Priority.MEDIUM, "account locked"));
        }

        @Test
        void cannotChangeADoneCasesPriority() {
            fixture.given(opened(), started(), finished()).when(new ChangePriority(CASE, Priority.LOW, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void setsSlaTargets() {
            fixture.given(opened())
                    .when(new SetSlaTargets(CASE, NOW.plusSeconds(3600), NOW.plusSeconds(86_400), "medium/gold"))
                    .expectEvents(new SlaTargetsSet(CASE, NOW.plusSeconds(3600), NOW.plusSeconds(86_400), "medium/gold"));
        }

        @Test
        void refusesFirstResponseDueAfterResolution() {
            fixture.given(opened())
                    .when(new SetSlaTargets(CASE, NOW.plusSeconds(90_000), NOW.plusSeconds(86_400), null))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void recordsEachBreachOnce() {
            fixture.given(opened()).when(new RecordSlaBreach(CASE, SlaTarget.FIRST_RESPONSE, NOW))
                    .expectEvents(new SlaBreached(CASE, SlaTarget.FIRST_RESPONSE, NOW));
            fixture.given(opened(), new SlaBreached(CASE, SlaTarget.FIRST_RESPONSE, NOW))
                    .when(new RecordSlaBreach(CASE, SlaTarget.FIRST_RESPONSE, NOW)).expectNoEvents();
        }

        @Test
        void escalatesLevelByLevel() {
            fixture.given(opened(), new CaseEscalated(CASE, 1, "first"))
                    .when(new EscalateCase(CASE, "SLA breached"))
                    .expectEvents(new CaseEscalated(CASE, 2, "SLA breached"));
        }

        @Test
        void cannotEscalateADoneCase() {
            fixture.given(opened(), started(), finished()).when(new EscalateCase(CASE, null))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class TagsAndRatings {

        @Test
        void tagsOnlyWhatChanges() {
            fixture.given(opened()).when(new TagCase(CASE, Set.of("Billing", "vip"), Set.of("missing")))
                    .expectEvents(new CaseTagged(CASE, List.of("billing"), List.of()));
        }

        @Test
        void removesATag() {
            fixture.given(opened()).when(new TagCase(CASE, Set.of(), Set.of("VIP")))
                    .expectEvents(new CaseTagged(CASE, List.of(), List.of("vip")));
        }

        @Test
        void noChangeNoEvent() {
            fixture.given(opened()).when(new TagCase(CASE, Set.of("vip"), Set.of())).expectNoEvents();
        }

        @Test
        void ratesADoneCase() {
            fixture.given(opened(), started(), finished()).when(new RateSatisfaction(CASE, 4, "thanks"))
                    .expectEvents(new SatisfactionRated(CASE, 4, "thanks"));
        }

        @Test
        void cannotRateAnOpenCase() {
            fixture.given(opened(), started()).when(new RateSatisfaction(CASE, 4, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void refusesRatingsOutOfRange() {
            fixture.given(opened(), started(), finished()).when(new RateSatisfaction(CASE, 6, null))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void aMergedDuplicateTakesNoRating() {
            fixture.given(opened(), started(), new CaseMergedInto(CASE, UUID.randomUUID(), "CS-2000"),
                            new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS))
                    .when(new RateSatisfaction(CASE, 5, null))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void aReopenedCaseIsRatedAgainOnceItIsDoneAgain() {
            fixture.given(opened(), started(), finished(), new SatisfactionRated(CASE, 2, null),
                            CaseReopened.agentReopened(CASE, "not fixed after all"),
                            new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS))
                    .when(new RateSatisfaction(CASE, 5, "fixed now"))
                    .expectEvents(new SatisfactionRated(CASE, 5, "fixed now"));
        }
    }

    @Nested
    class Macros {

        private static final UUID MACRO = UUID.randomUUID();
        private static final UUID REPLY = UUID.randomUUID();
        private static final UUID NOTE = UUID.randomUUID();

        private ApplyMacro macro(CaseStatus status, Priority priority, Set<String> tags, String note) {
            return new ApplyMacro(CASE, MACRO, "Refund sent", "grace", "Grace Hopper", REPLY, Visibility.PUBLIC,
                    "Hello Ada, your refund for CS-1001 is on its way.", note == null ? null : NOTE, note, status,
                    priority, tags, NOW);
        }

        @Test
        void recordsTheMacroThenItsReplyNoteTagsPriorityAndStatusInOneCommit() {
            fixture.given(opened(), started())
                    .when(macro(CaseStatus.DONE, Priority.LOW, Set.of("Refund", "vip"), "Refund issued in the PSP"))
                    .expectEvents(
                            new MacroApplied(CASE, MACRO, "Refund sent", "grace", "Grace Hopper", List.of(REPLY, NOTE),
                                    CaseStatus.DONE, Priority.LOW, List.of("refund")),
                            new CommentAdded(CASE, REPLY, null, AuthorType.AGENT, "grace", "Grace Hopper",
                                    Visibility.PUBLIC, "Hello Ada, your refund for CS-1001 is on its way.", List.of()),
                            new FirstResponseRecorded(CASE, NOW, "grace"),
                            new CommentAdded(CASE, NOTE, null, AuthorType.AGENT, "grace", "Grace Hopper",
                                    Visibility.INTERNAL, "Refund issued in the PSP", List.of()),
                            new CaseTagged(CASE, List.of("refund"), List.of()),
                            new CasePriorityChanged(CASE, Priority.LOW, Priority.MEDIUM, "macro: Refund sent"),
                            new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
        }

        @Test
        void leavesWhatTheCaseHasAlreadyAsItIs() {
            fixture.given(opened(), started())
                    .when(macro(CaseStatus.IN_PROGRESS, Priority.MEDIUM, Set.of("vip"), null))
                    .expectEvents(
                            new MacroApplied(CASE, MACRO, "Refund sent", "grace", "Grace Hopper", List.of(REPLY), null,
                                    null, List.of()),
                            new CommentAdded(CASE, REPLY, null, AuthorType.AGENT, "grace", "Grace Hopper",
                                    Visibility.PUBLIC, "Hello Ada, your refund for CS-1001 is on its way.", List.of()),
                            new FirstResponseRecorded(CASE, NOW, "grace"));
        }

        @Test
        void aStatusTheCaseCannotMoveToRefusesAllOfIt() {
            fixture.given(opened()).when(macro(CaseStatus.DONE, Priority.HIGH, Set.of("refund"), "note"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aPriorityOnADoneCaseRefusesAllOfIt() {
            fixture.given(opened(), started(), finished()).when(macro(null, Priority.HIGH, Set.of(), null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void appliedAgainWithTheSameCommentIdChangesNothing() {
            fixture.given(opened(), new CommentAdded(CASE, REPLY, null, AuthorType.AGENT, "grace", "Grace Hopper",
                            Visibility.PUBLIC, "Hello", List.of()))
                    .when(macro(CaseStatus.IN_PROGRESS, null, Set.of(), null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Editing {

        private static final Customer OTHER = new Customer("cus-2", "Ada King", "ada.king@example.com", Tier.PLATINUM);

        @Test
        void changesTheSubjectWithTheOldOneInTheEvent() {
            fixture.given(opened()).when(new ChangeSubject(CASE, "  Cannot log in since Monday "))
                    .expectEvents(new CaseSubjectChanged(CASE, "Cannot log in since Monday", "Cannot log in"));
        }

        @Test
        void theSameSubjectAgainChangesNothing() {
            fixture.given(opened()).when(new ChangeSubject(CASE, "Cannot log in"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void refusesABlankSubject() {
            fixture.given(opened()).when(new ChangeSubject(CASE, "   "))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void movesTheCaseToAnotherCustomerWithTheOneItHad() {
            fixture.given(opened()).when(new ChangeCustomer(CASE, OTHER))
                    .expectEvents(new CaseCustomerChanged(CASE, OTHER, CUSTOMER));
            fixture.given(opened(), new CaseCustomerChanged(CASE, OTHER, CUSTOMER))
                    .when(new ChangeCustomer(CASE, OTHER)).expectNoEvents();
        }

        @Test
        void aDoneCaseMayStillBeCorrected() {
            fixture.given(opened(), started(), finished()).when(new ChangeSubject(CASE, "Locked out"))
                    .expectEvents(new CaseSubjectChanged(CASE, "Locked out", "Cannot log in"));
        }
    }

    @Nested
    class Merging {

        private static final UUID TARGET = UUID.randomUUID();
        private static final UUID DUPLICATE = UUID.randomUUID();

        private CaseMergedInto mergedInto() {
            return new CaseMergedInto(CASE, TARGET, "CS-2000");
        }

        @Test
        void aDuplicateLeadsToItsTargetAndCloses() {
            fixture.given(opened(), started()).when(new MergeCaseInto(CASE, TARGET, "CS-2000"))
                    .expectEvents(mergedInto(), new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.IN_PROGRESS));
        }

        @Test
        void aNewDuplicateClosesStraightAway() {
            fixture.given(opened()).when(new MergeCaseInto(CASE, TARGET, "CS-2000"))
                    .expectEvents(mergedInto(), new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.NEW));
        }

        @Test
        void aDoneDuplicateStaysDone() {
            fixture.given(opened(), started(), finished()).when(new MergeCaseInto(CASE, TARGET, "CS-2000"))
                    .expectEvents(mergedInto());
        }

        @Test
        void isMergedOnceOnly() {
            fixture.given(opened(), mergedInto(), new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.NEW))
                    .when(new MergeCaseInto(CASE, UUID.randomUUID(), "CS-3000"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void neverIntoItself() {
            fixture.given(opened()).when(new MergeCaseInto(CASE, CASE, "CS-1001"))
                    .expectException(InvalidCommand.class).expectNoEvents();
            fixture.given(opened()).when(new AbsorbCase(CASE, CASE, "CS-1001"))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void theTargetRecordsTheDuplicate() {
            fixture.given(opened()).when(new AbsorbCase(CASE, DUPLICATE, "CS-1500"))
                    .expectEvents(new CaseMerged(CASE, DUPLICATE, "CS-1500"));
        }

        @Test
        void aMergedCaseTakesInNoDuplicate() {
            fixture.given(opened(), mergedInto()).when(new AbsorbCase(CASE, DUPLICATE, "CS-1500"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void aMergedCaseTakesNoMoreChangesFromPeople() {
            CaseStatusChanged closed = new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.NEW);
            for (Object command : List.of(new ChangeSubject(CASE, "Other"), new ChangeCustomer(CASE, CUSTOMER),
                    new TagCase(CASE, Set.of("x"), Set.of()), new ReopenCase(CASE, "still broken"),
                    comment(UUID.randomUUID(), null, AuthorType.AGENT, Visibility.INTERNAL))) {
                fixture.given(opened(), mergedInto(), closed).when(command)
                        .expectException(RuleViolation.class).expectNoEvents();
            }
        }

        @Test
        void aCustomersReplyThatRacedTheMergeStaysOnTheDuplicateWithoutReopeningIt() {
            UUID id = UUID.randomUUID();
            fixture.given(opened(), mergedInto(), new CaseStatusChanged(CASE, CaseStatus.DONE, CaseStatus.NEW))
                    .when(comment(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC))
                    .expectEvents(commentAdded(id, null, AuthorType.CUSTOMER, Visibility.PUBLIC));
        }
    }

    @Nested
    class Reopening {

        @Test
        void anAgentReopensADoneCaseWithTheReason() {
            fixture.given(opened(), started(), finished()).when(new ReopenCase(CASE, " Customer called: still broken "))
                    .expectEvents(CaseReopened.agentReopened(CASE, "Customer called: still broken"));
        }

        @Test
        void onlyADoneCase() {
            fixture.given(opened(), started()).when(new ReopenCase(CASE, "still broken"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void notWithoutAReason() {
            fixture.given(opened(), started(), finished()).when(new ReopenCase(CASE, " "))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void aReopenedCaseGoesDoneAgain() {
            fixture.given(opened(), started(), finished(), CaseReopened.agentReopened(CASE, "still broken"))
                    .when(new ChangeStatus(CASE, CaseStatus.DONE)).expectEvents(finished());
        }
    }
}
