package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casestream.events.AssignmentReason;
import org.casestream.events.Attachment;
import org.casestream.events.AuthorType;
import org.casestream.events.Availability;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.SlaTarget;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.events.customers.CustomerMerged;
import org.casestream.events.customers.CustomerMergedInto;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.customers.CustomerTierChanged;
import org.casestream.query.agents.AgentView;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.analytics.Analytics;
import org.casestream.query.analytics.AnalyticsCounters;
import org.casestream.query.cases.CaseComments;
import org.casestream.query.cases.CaseFold;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.cases.CommentPage;
import org.casestream.query.cases.CommentView;
import org.casestream.query.customers.CustomerView;
import org.casestream.query.customers.CustomerViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.casestream.query.support.CaseScript;
import org.casestream.support.events.CaseEventRecord;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projection from event sequences, on the MongoDB wire server over TCP (no Kafka needed). */
class ProjectionTest {

    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    private MongoClient client;
    private MongoDatabase database;
    private CaseViews cases;
    private AgentViews agents;
    private CustomerViews customers;
    private DashboardCounters counters;
    private AnalyticsCounters analytics;
    private Projection projection;
    private long offset;

    @BeforeEach
    void freshDatabase() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        database = client.getDatabase("projection_" + UUID.randomUUID().toString().replace("-", ""));
        cases = new CaseViews(database);
        agents = new AgentViews(database);
        customers = new CustomerViews(database, "");
        counters = new DashboardCounters(database);
        analytics = new AnalyticsCounters(database);
        projection = new Projection(cases, agents, customers, counters, analytics);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Projection.BatchResult feed(ProducerRecord<String, byte[]> record) {
        return projection.apply(List.of(CaseScript.consumed(record, 0, offset++)));
    }

    @Test
    void everyEventTypeEndsUpInTheViews() {
        UUID caseId = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        UUID alan = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        CaseScript script = new CaseScript(START);
        Instant firstDue = START.plusSeconds(3600);
        Instant resolutionDue = START.plusSeconds(86_400);
        Attachment screenshot = new Attachment("screen.png", "image/png", 2048, "/api/attachments/" + UUID.randomUUID());
        feed(script.then(new CaseOpened(caseId, "CS-1001", new Customer("cust-1", "Zoë Ünal", "zoe@example.com", Tier.GOLD),
                "Cannot log in", "The reset mail never arrives", Channel.EMAIL, "mail-1", null, null, List.of("vip"), START,
                null, null, List.of(screenshot))));
        feed(script.then(new CaseClassified(caseId, Queue.LOGIN, Queue.UNCLASSIFIED, "rules")));
        feed(script.then(new CasePriorityChanged(caseId, Priority.HIGH, Priority.MEDIUM, "tier")));
        feed(script.then(new SlaTargetsSet(caseId, firstDue, resolutionDue, "high-gold")));
        feed(script.then(new CaseAssigned(caseId, grace, null, AssignmentReason.AUTO)));
        feed(script.then(new CommentAdded(caseId, question, null, AuthorType.AGENT, grace.toString(), "Grace",
                Visibility.PUBLIC, "Which browser do you use?", List.of())));
        Instant askedAt = script.clock();
        feed(script.then(new CommentAdded(caseId, note, question, AuthorType.AGENT, grace.toString(), "Grace",
                Visibility.INTERNAL, "Mail logs show a bounce", List.of(new Attachment("log.txt", "text/plain", 12, "s3://x")))));
        feed(script.then(new FirstResponseRecorded(caseId, script.clock(), grace.toString())));
        feed(script.then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        feed(script.then(new SlaBreached(caseId, SlaTarget.RESOLUTION, resolutionDue)));
        feed(script.then(new CaseEscalated(caseId, 1, "breach")));
        feed(script.then(new CaseTagged(caseId, List.of("billing", "mail"), List.of("vip"))));
        feed(script.then(new CaseUnassigned(caseId, grace, AssignmentReason.AGENT_OFFLINE)));
        feed(script.then(new CaseAssigned(caseId, alan, null, AssignmentReason.TRANSFER)));
        feed(script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
        Instant doneAt = script.clock();
        feed(script.then(new SatisfactionRated(caseId, 4, "quick")));
        CaseView done = cases.find(caseId).orElseThrow();
        assertThat(done.status()).isEqualTo(CaseStatus.DONE);
        assertThat(done.resolvedAt()).isEqualTo(doneAt);
        assertThat(done.satisfaction().rating()).isEqualTo(4);
        feed(script.then(new CommentAdded(caseId, reply, null, AuthorType.CUSTOMER, "cust-1", "Zoë", Visibility.PUBLIC,
                "It broke again", List.of())));
        Instant repliedAt = script.clock();
        feed(script.then(new CaseReopened(caseId, CaseStatus.IN_PROGRESS, reply)));

        CaseView view = cases.find(caseId).orElseThrow();
        assertThat(view.caseNumber()).isEqualTo("CS-1001");
        assertThat(view.customer().name()).isEqualTo("Zoë Ünal");
        assertThat(view.customer().tier()).isEqualTo(Tier.GOLD);
        assertThat(view.channel()).isEqualTo(Channel.EMAIL);
        assertThat(view.externalRef()).isEqualTo("mail-1");
        assertThat(view.attachments()).as("the first message's files").containsExactly(screenshot);
        assertThat(CaseSummary.of(view).satisfactionRating()).as("a reopened case keeps its rating").isEqualTo(4);
        assertThat(view.queue()).isEqualTo(Queue.LOGIN);
        assertThat(view.priority()).isEqualTo(Priority.HIGH);
        assertThat(view.sla().firstResponseDue()).isEqualTo(firstDue);
        assertThat(view.sla().resolutionDue()).isEqualTo(resolutionDue);
        assertThat(view.sla().policy()).isEqualTo("high-gold");
        assertThat(view.sla().firstRespondedAt()).isNotNull();
        assertThat(view.sla().breaches()).singleElement()
                .satisfies(breach -> assertThat(breach.target()).isEqualTo("resolution"));
        assertThat(view.escalationLevel()).isEqualTo(1);
        assertThat(view.tags()).containsExactly("billing", "mail");
        assertThat(view.assignee()).isEqualTo(alan);
        assertThat(view.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.reopenCount()).isEqualTo(1);
        assertThat(view.commentCount()).isEqualTo(3);
        assertThat(view.internalNoteCount()).isEqualTo(1);
        assertThat(view.lastAgentReplyAt()).isEqualTo(askedAt);
        assertThat(view.lastCustomerMessageAt()).isEqualTo(repliedAt);
        List<CommentView> thread = cases.comments().page(view, true, null, null, 50).items();
        assertThat(thread).extracting(CommentView::commentId).containsExactly(question, note, reply);
        assertThat(thread.get(1).internal()).isTrue();
        assertThat(thread.get(1).parentId()).isEqualTo(question);
        assertThat(thread.get(1).attachments()).hasSize(1);
        assertThat(thread.get(0).internal()).isFalse();
        assertThat(cases.comments().page(view, false, null, null, 50).items()).extracting(CommentView::commentId)
                .containsExactly(question, reply);
        assertThat(view.withoutInternalNotes().commentCount()).isEqualTo(2);
        assertThat(view.openedAt()).isEqualTo(START);
        assertThat(view.updatedAt()).isEqualTo(script.clock());
        assertThat(view.lastSequence()).isEqualTo(17);

        CaseScript agentScript = new CaseScript(START);
        feed(agentScript.then(new AgentRegistered(alan, "Alan", "alan@example.com", List.of(new Skill(Queue.LOGIN, 3)), 5, null)));
        feed(agentScript.then(new AgentSkillsChanged(alan, List.of(new Skill(Queue.LOGIN, 4), new Skill(Queue.ORDERS, 2)), 8)));
        feed(agentScript.then(new AgentAvailabilityChanged(alan, Availability.ONLINE, Availability.OFFLINE)));
        AgentView agent = agents.find(alan).orElseThrow();
        assertThat(agent.name()).isEqualTo("Alan");
        assertThat(agent.capacity()).isEqualTo(8);
        assertThat(agent.skills()).containsExactly(new Skill(Queue.LOGIN, 4), new Skill(Queue.ORDERS, 2));
        assertThat(agent.availability()).isEqualTo(Availability.ONLINE);

        Map<String, Object> totals = counters.totals();
        assertThat(totals).containsEntry("status", Map.of("inprogress", 1L, "new", 0L, "done", 0L));
        assertThat(totals).containsEntry("load", Map.of(grace.toString(), 0L, alan.toString(), 1L));
    }

    /**
     * Two query instances project every event into the same views. One that read a view before the other wrote a
     * later one must not write its older fold over it: a view never goes back to an older sequence (the write of
     * the instance that is behind is dropped; it applies the later events again from the newer view).
     */
    /**
     * A macro arrives as the command side writes it: a MacroApplied, then its reply, tags and priority as their own
     * events. The MacroApplied itself changes nothing of the case but its sequence and time.
     */
    @Test
    void aMacroIsItsOwnEventsAndTheMacroAppliedOnlyMovesTheViewOn() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        CaseView before = cases.find(caseId).orElseThrow();
        UUID reply = UUID.randomUUID();

        feed(script.then(new MacroApplied(caseId, UUID.randomUUID(), "Refund sent", "grace", "Grace", List.of(reply),
                null, Priority.LOW, List.of("refund"))));
        CaseView marked = cases.find(caseId).orElseThrow();
        assertThat(marked.lastSequence()).isEqualTo(before.lastSequence() + 1);
        assertThat(marked.updatedAt()).isAfter(before.updatedAt());
        assertThat(marked.commentCount()).isEqualTo(before.commentCount());
        assertThat(marked.priority()).isEqualTo(before.priority());
        assertThat(marked.tags()).isEqualTo(before.tags());

        feed(script.then(new CommentAdded(caseId, reply, null, AuthorType.AGENT, "grace", "Grace", Visibility.PUBLIC,
                "Your refund is on its way", List.of())));
        feed(script.then(new CaseTagged(caseId, List.of("refund"), List.of())));
        feed(script.then(new CasePriorityChanged(caseId, Priority.LOW, before.priority(), "macro: Refund sent")));
        CaseView after = cases.find(caseId).orElseThrow();
        assertThat(after.commentCount()).isEqualTo(before.commentCount() + 1);
        assertThat(after.tags()).contains("refund");
        assertThat(after.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void aViewNeverGoesBackToAnOlderSequence() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        CaseView behind = cases.find(caseId).orElseThrow();
        feed(script.then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        feed(script.then(new CaseTagged(caseId, List.of("billing"), List.of())));
        CaseView ahead = cases.find(caseId).orElseThrow();

        cases.saveAll(List.of(behind));
        cases.save(behind);

        assertThat(cases.find(caseId)).contains(ahead);
        cases.save(ahead);
        assertThat(cases.find(caseId)).as("the same sequence written again is no change").contains(ahead);
    }

    @Test
    void anAgentViewNeverGoesBackToAnOlderSequenceEither() {
        UUID agent = UUID.randomUUID();
        CaseScript script = new CaseScript(START);
        feed(script.then(new AgentRegistered(agent, "Ada", "ada@example.com", List.of(new Skill(Queue.LOGIN, 3)), 5, null)));
        AgentView behind = agents.find(agent).orElseThrow();
        feed(script.then(new AgentAvailabilityChanged(agent, Availability.ONLINE, Availability.OFFLINE)));
        AgentView ahead = agents.find(agent).orElseThrow();

        agents.save(behind);

        assertThat(agents.find(agent)).contains(ahead);
    }

    @Test
    void customerRecordsAreFoundByTextAndAMergedOneLeadsToTheRecordItWasMergedInto() {
        String ada = "cus-ada-" + UUID.randomUUID();
        String old = "cus-old-" + UUID.randomUUID();
        CaseScript adaEvents = new CaseScript(START);
        CaseScript oldEvents = new CaseScript(START);
        feed(adaEvents.then(new CustomerRegistered(ada, "Ada Lovelace", "ada@example.com", Tier.STANDARD,
                "Engines Ltd", List.of(CustomerIdentity.email("ada@example.com"), CustomerIdentity.external("web", "77")),
                START)));
        feed(oldEvents.then(new CustomerRegistered(old, "A. Lovelace", "countess@example.com", Tier.GOLD, null,
                List.of(CustomerIdentity.email("countess@example.com")), START)));
        feed(adaEvents.then(new CustomerTierChanged(ada, Tier.PLATINUM, Tier.STANDARD, "contract")));
        feed(oldEvents.then(new CustomerMergedInto(old, ada)));
        feed(adaEvents.then(new CustomerMerged(ada, old, List.of(CustomerIdentity.email("countess@example.com")))));

        CustomerView kept = customers.find(ada).orElseThrow();
        assertThat(kept.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(kept.emails()).containsExactly("ada@example.com", "countess@example.com");
        assertThat(kept.externalIds()).containsExactly("web:77");
        assertThat(kept.caseCustomerIds()).containsExactly(ada, old);
        assertThat(customers.find(old).orElseThrow().mergedInto()).isEqualTo(ada);
        assertThat(customers.search("COUNTESS", 10)).extracting(CustomerView::customerId)
                .as("found by a merged address; the merged record itself is not listed").containsExactly(ada);
        assertThat(customers.search("engines", 10)).extracting(CustomerView::customerId).containsExactly(ada);
        assertThat(customers.search("(.*", 10)).as("the text is literal, not a pattern").isEmpty();

        CustomerView before = customers.find(ada).orElseThrow();
        projection.apply(adaEvents.records().stream().map(record -> CaseScript.consumed(record, 0, offset++)).toList());
        assertThat(customers.find(ada)).as("the same events again change nothing").contains(before);
    }

    @Test
    void duplicatesChangeNothing() {
        CaseScript script = openedAndAssigned(UUID.randomUUID(), UUID.randomUUID());
        CaseView before = cases.find(caseOf(script)).orElseThrow();
        Map<String, Object> countersBefore = counters.totals();
        // the publisher may send the same events again; they arrive at new offsets
        Projection.BatchResult again = projection.apply(script.records().stream()
                .map(record -> CaseScript.consumed(record, 0, offset++)).toList());
        assertThat(again.changes()).isEmpty();
        assertThat(cases.find(caseOf(script))).contains(before);
        assertThat(counters.totals()).isEqualTo(countersBefore);
    }

    @Test
    void aCrashBetweenTheCountersAndTheViewNeitherLosesNorDoublesTheRecord() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        ProducerRecord<String, byte[]> done = script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.NEW));
        CaseEventRecord record = CaseScript.consumed(done, 0, offset++);
        // the first half of the record's work happened, then the process died
        CaseView before = cases.find(caseId).orElseThrow();
        counters.apply(counters.entries(0, record.offset(), before,
                CaseFold.apply(before, caseEvent(done), script.clock(), 2)));
        // after the restart the same record is read again (positions are stored after the data), twice for good measure
        projection.apply(List.of(record));
        projection.apply(List.of(record));
        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.DONE);
        Map<String, Object> totals = counters.totals();
        assertThat(totals).containsEntry("status", Map.of("new", 0L, "done", 1L));
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) totals.get("load")).values())).containsOnly(0L);
    }

    @Test
    void theSameCommentAgainChangesNeitherTheThreadNorItsCount() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        UUID commentId = UUID.randomUUID();
        feed(script.then(comment(caseId, commentId, Visibility.PUBLIC, "first")));
        // the same comment in another event (a command repeated), once in a batch of its own and once twice in one
        feed(script.then(comment(caseId, commentId, Visibility.PUBLIC, "first")));
        projection.apply(List.of(CaseScript.consumed(script.then(comment(caseId, commentId, Visibility.PUBLIC, "first")), 0, offset++),
                CaseScript.consumed(script.then(comment(caseId, commentId, Visibility.PUBLIC, "first")), 0, offset++)));

        CaseView view = cases.find(caseId).orElseThrow();
        assertThat(view.commentCount()).isEqualTo(1);
        assertThat(view.lastSequence()).isEqualTo(5);
        assertThat(cases.comments().page(view, true, null, null, 50).items()).extracting(CommentView::body)
                .containsExactly("first");
    }

    @Test
    void aCrashBetweenTheCommentsAndTheViewCountsTheCommentOnce() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        ProducerRecord<String, byte[]> added = script.then(comment(caseId, UUID.randomUUID(), Visibility.INTERNAL, "note"));
        CaseEventRecord record = CaseScript.consumed(added, 0, offset++);
        CommentAdded event = (CommentAdded) record.envelope().event();
        // the comment was stored, then the process died before the view was
        cases.comments().saveAll(List.of(new CaseComments.Numbered(caseId, 1, null, record.envelope().sequence(),
                CaseFold.comment(event, record.envelope().time()))));
        projection.apply(List.of(record));
        projection.apply(List.of(record));

        CaseView view = cases.find(caseId).orElseThrow();
        assertThat(view.commentCount()).isEqualTo(1);
        assertThat(view.internalNoteCount()).isEqualTo(1);
        assertThat(cases.comments().page(view, true, null, null, 50).items()).extracting(CommentView::body)
                .containsExactly("note");
        assertThat(cases.comments().page(view, false, null, null, 50).items()).isEmpty();
    }

    @Test
    void aThreadIsPagedBackAndForthInTheCallersNumbering() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        // public 1..5 with notes after the 2nd and the 4th: all positions p1 p2 n1 p3 p4 n2 p5
        for (String body : List.of("p1", "p2", "n1", "p3", "p4", "n2", "p5")) {
            feed(script.then(comment(caseId, UUID.randomUUID(), body.startsWith("n") ? Visibility.INTERNAL : Visibility.PUBLIC, body)));
        }
        CaseView view = cases.find(caseId).orElseThrow();
        CaseComments thread = cases.comments();

        CommentPage latest = thread.page(view, true, null, null, 3);
        assertThat(latest.items()).extracting(CommentView::body).containsExactly("p4", "n2", "p5");
        assertThat(latest.total()).isEqualTo(7);
        assertThat(latest.older()).isEqualTo(5);
        assertThat(latest.newer()).isNull();
        CommentPage before = thread.page(view, true, latest.older(), null, 3);
        assertThat(before.items()).extracting(CommentView::body).containsExactly("p2", "n1", "p3");
        CommentPage first = thread.page(view, true, before.older(), null, 3);
        assertThat(first.items()).extracting(CommentView::body).containsExactly("p1");
        assertThat(first.older()).isNull();
        assertThat(first.newer()).isEqualTo(1);
        assertThat(thread.page(view, true, null, first.newer(), 3).items()).extracting(CommentView::body)
                .containsExactly("p2", "n1", "p3");
        assertThat(thread.page(view, true, null, 7, 3).items()).isEmpty();

        CommentPage channel = thread.page(view, false, null, null, 2);
        assertThat(channel.items()).extracting(CommentView::body).containsExactly("p4", "p5");
        assertThat(channel.total()).isEqualTo(5);
        assertThat(thread.page(view, false, channel.older(), null, 2).items()).extracting(CommentView::body)
                .containsExactly("p2", "p3");
    }

    @Test
    void searchTextIsTheLatestCommentsWithinTheBudget() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        for (int i = 0; i < 40; i++) {
            feed(script.then(comment(caseId, UUID.randomUUID(), Visibility.PUBLIC, "word" + i + " " + "x".repeat(92))));
        }
        CaseView view = cases.find(caseId).orElseThrow();

        // 100 characters a comment (with its line break): a budget of 1,000 takes the latest ten, from the store
        String text = cases.comments().searchText(List.of(view), Map.of(), 1_000).get(caseId);
        assertThat(text.length()).isLessThanOrEqualTo(1_000);
        assertThat(text).contains("word39", "word31").doesNotContain("word29 ");
        // comments just added (the case's newest: here one that stands for the 40th) are taken as they are, the
        // older ones from the store
        CommentView fresh = new CommentView(UUID.randomUUID(), null, AuthorType.AGENT, "a", "A", Visibility.PUBLIC,
                false, "freshword " + "y".repeat(89), List.of(), START);
        assertThat(cases.comments().searchText(List.of(view), Map.of(caseId, List.of(fresh)), 300).get(caseId))
                .contains("freshword", "word38", "word37").doesNotContain("word39", "word36");
        assertThat(cases.comments().searchText(List.of(view), Map.of(), 20_000).get(caseId)).contains("word0 ", "word39");
    }

    @Test
    void threadsStoredInTheCaseDocumentBeforeAreMovedIntoTheCommentsWhenTheGenerationOpens() {
        UUID caseId = UUID.randomUUID();
        CaseScript script = openedAndAssigned(caseId, UUID.randomUUID());
        CaseView view = cases.find(caseId).orElseThrow();
        // the shape of a view before comments had their own collection: the thread inside, no counts
        org.bson.Document legacy = database.getCollection(CaseViews.COLLECTION).find(
                com.mongodb.client.model.Filters.eq("_id", caseId.toString())).first();
        legacy.remove("commentCount");
        legacy.remove("internalNoteCount");
        // nor the first message's files
        legacy.remove("attachments");
        legacy.put("comments", List.of(
                legacyComment("Hello?", "customer", "public"), legacyComment("Checked logs", "agent", "internal"),
                legacyComment("Fixed", "agent", "public")));
        database.getCollection(CaseViews.COLLECTION).replaceOne(
                com.mongodb.client.model.Filters.eq("_id", caseId.toString()), legacy);

        assertThat(cases.moveInlineThreads()).isEqualTo(1);
        assertThat(cases.moveInlineThreads()).isZero();
        CaseView moved = cases.find(caseId).orElseThrow();
        assertThat(moved.commentCount()).isEqualTo(3);
        assertThat(moved.internalNoteCount()).isEqualTo(1);
        assertThat(moved.lastSequence()).isEqualTo(view.lastSequence());
        assertThat(moved.attachments()).isEmpty();
        assertThat(cases.comments().page(moved, true, null, null, 50).items()).extracting(CommentView::body)
                .containsExactly("Hello?", "Checked logs", "Fixed");
        assertThat(cases.comments().page(moved, false, null, null, 50).items()).extracting(CommentView::body)
                .containsExactly("Hello?", "Fixed");
        // the next comment follows them
        feed(script.then(comment(caseId, UUID.randomUUID(), Visibility.PUBLIC, "Thanks")));
        assertThat(cases.comments().page(cases.find(caseId).orElseThrow(), true, null, null, 50).items())
                .extracting(CommentView::body).containsExactly("Hello?", "Checked logs", "Fixed", "Thanks");
    }

    private static org.bson.Document legacyComment(String body, String authorType, String visibility) {
        return new org.bson.Document("commentId", UUID.randomUUID().toString()).append("authorType", authorType)
                .append("authorId", "x").append("visibility", visibility).append("internal", visibility.equals("internal"))
                .append("body", body).append("attachments", List.of()).append("at", START.toString());
    }

    private static CommentAdded comment(UUID caseId, UUID commentId, Visibility visibility, String body) {
        return new CommentAdded(caseId, commentId, null, AuthorType.AGENT, "agent-1", "Agent", visibility, body, List.of());
    }

    @Test
    void analyticsBucketsGiveVolumesTimesComplianceAndCsatPerDay() {
        UUID grace = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-20T20:00:00Z");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        CaseScript first = new CaseScript(t0);
        feed(first.thenAt(t0, opened(a, t0)));
        feed(first.thenAt(t0, new CaseClassified(a, Queue.LOGIN, Queue.UNCLASSIFIED, "rules")));
        feed(first.thenAt(t0, new SlaTargetsSet(a, t0.plusSeconds(3600), t0.plusSeconds(4 * 3600), "p")));
        feed(first.thenAt(t0, new CaseAssigned(a, grace, null, AssignmentReason.AUTO)));
        feed(first.thenAt(t0.plusSeconds(600), new FirstResponseRecorded(a, t0.plusSeconds(600), grace.toString())));
        feed(first.thenAt(t0.plusSeconds(700), new CaseStatusChanged(a, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        feed(first.thenAt(t0.plusSeconds(7200), new CaseStatusChanged(a, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
        feed(first.thenAt(t0.plusSeconds(7300), new SatisfactionRated(a, 5, null)));
        Instant t1 = t0.plusSeconds(3600);
        CaseScript second = new CaseScript(t1);
        feed(second.thenAt(t1, opened(b, t1)));
        feed(second.thenAt(t1, new CaseClassified(b, Queue.LOGIN, Queue.UNCLASSIFIED, "rules")));
        feed(second.thenAt(t1, new SlaTargetsSet(b, t1.plusSeconds(3600), t1.plusSeconds(24 * 3600), "p")));
        feed(second.thenAt(t1, new CaseAssigned(b, grace, null, AssignmentReason.AUTO)));
        feed(second.thenAt(t1.plusSeconds(1800), new FirstResponseRecorded(b, t1.plusSeconds(1800), grace.toString())));
        feed(second.thenAt(t1.plusSeconds(1900), new CaseStatusChanged(b, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        feed(second.thenAt(t1.plusSeconds(30 * 3600), new CaseStatusChanged(b, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
        feed(second.thenAt(t1.plusSeconds(30 * 3600 + 60), new SatisfactionRated(b, 2, "slow")));
        CaseScript third = new CaseScript(t0);
        feed(third.thenAt(t0, opened(c, t0)));
        feed(third.thenAt(t0, new CaseClassified(c, Queue.ORDERS, Queue.UNCLASSIFIED, "rules")));

        Analytics.Report login = new Analytics(analytics).report(java.time.LocalDate.parse("2026-11-20"),
                java.time.LocalDate.parse("2026-11-22"), "Login", grace.toString(), 1, java.time.LocalDate.parse("2026-11-22"));
        assertThat(login.total().opened()).isEqualTo(2);
        assertThat(login.total().firstResponse()).isEqualTo(new Analytics.Times(2, 1200.0, 900L, 1800L));
        assertThat(login.total().resolution()).isEqualTo(new Analytics.Times(2, (7200.0 + 30 * 3600) / 2, 7200L, 172_800L));
        assertThat(login.total().slaMet()).isEqualTo(1);
        assertThat(login.total().slaMissed()).isEqualTo(1);
        assertThat(login.total().slaCompliance()).isEqualTo(0.5);
        assertThat(login.total().csatCount()).isEqualTo(2);
        assertThat(login.total().csatMean()).isEqualTo(3.5);
        assertThat(login.total().csatRatings()).isEqualTo(Map.of(2, 1L, 5, 1L));
        // by day: both opened on the 20th; a resolved on the 20th, b (30 h later) on the 22nd
        assertThat(login.days()).extracting(day -> day.figures().opened()).containsExactly(2L, 0L, 0L);
        assertThat(login.days()).extracting(day -> day.figures().resolution().count()).containsExactly(1L, 0L, 1L);
        Analytics.Report all = new Analytics(analytics).report(java.time.LocalDate.parse("2026-11-20"),
                java.time.LocalDate.parse("2026-11-20"), null, null, 1, java.time.LocalDate.parse("2026-11-22"));
        assertThat(all.total().opened()).isEqualTo(3);
        Analytics.Report unassigned = new Analytics(analytics).report(java.time.LocalDate.parse("2026-11-20"),
                java.time.LocalDate.parse("2026-11-20"), "Orders", "none", 1, java.time.LocalDate.parse("2026-11-22"));
        assertThat(unassigned.total().opened()).isEqualTo(1);
        assertThat(unassigned.total().resolution().count()).isZero();
    }

    private CaseScript openedAndAssigned(UUID caseId, UUID agent) {
        CaseScript script = new CaseScript(START);
        feed(script.then(opened(caseId)));
        feed(script.then(new CaseAssigned(caseId, agent, null, AssignmentReason.MANUAL)));
        return script;
    }

    private static CaseOpened opened(UUID caseId) {
        return opened(caseId, START);
    }

    private static CaseOpened opened(UUID caseId, Instant at) {
        return new CaseOpened(caseId, "CS-" + Math.abs(caseId.getLeastSignificantBits() % 100000),
                new Customer("c-" + caseId, "Ada", "ada@example.com", Tier.STANDARD), "Subject", "Description",
                Channel.WEB, null, null, null, List.of(), at);
    }

    private static UUID caseOf(CaseScript script) {
        return UUID.fromString(script.records().getFirst().key());
    }

    private static org.casestream.events.cases.CaseEvent caseEvent(ProducerRecord<String, byte[]> record) {
        return (org.casestream.events.cases.CaseEvent) CaseScript.consumed(record, 0, 0).envelope().event();
    }

}
