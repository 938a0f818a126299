package org.casestream.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.query.agents.AgentViews;
import org.casestream.query.analytics.Analytics;
import org.casestream.query.analytics.AnalyticsBreakdowns;
import org.casestream.query.analytics.AnalyticsCounters;
import org.casestream.query.cases.CaseFold;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.CaseViews;
import org.casestream.query.customers.CustomerViews;
import org.casestream.query.dashboard.DashboardCounters;
import org.casestream.query.support.CaseScript;
import org.casestream.support.events.CaseEventRecord;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics page's figures as the projection keeps them (on the MongoDB wire server, no Kafka): resolution
 * times by bucket and by queue and priority, backlog per day, first-contact resolution, agents' throughput, load
 * and CSAT, CSAT per queue; the same from a rebuild in one batch; and views stored before replies were counted.
 */
class AnalyticsPageFiguresTest {

    private static final LocalDate DAY1 = LocalDate.parse("2026-11-20");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID GRACE = UUID.randomUUID();
    private static final UUID ALAN = UUID.randomUUID();

    private MongoClient client;
    private MongoDatabase database;
    private ReadModelsUnderTest live;
    private long offset;

    /** One generation's stores and its projection. */
    private record ReadModelsUnderTest(CaseViews cases, AgentViews agents, AnalyticsCounters analytics, Projection projection) {

        static ReadModelsUnderTest open(MongoDatabase database, String suffix) {
            CaseViews cases = new CaseViews(database, suffix);
            AgentViews agents = new AgentViews(database, suffix);
            AnalyticsCounters analytics = new AnalyticsCounters(database, suffix);
            return new ReadModelsUnderTest(cases, agents, analytics, new Projection(cases, agents,
                    new CustomerViews(database, suffix), new DashboardCounters(database, suffix), analytics));
        }

        Analytics.Report report(String queue) {
            return new Analytics(analytics).report(DAY1, TODAY, queue, null, 1, TODAY);
        }

        AnalyticsBreakdowns.Breakdowns breakdowns(String queue) {
            return new AnalyticsBreakdowns(analytics).read(DAY1, TODAY, queue, 1, agents.all());
        }
    }

    @BeforeEach
    void freshDatabase() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        database = client.getDatabase("analytics_" + UUID.randomUUID().toString().replace("-", ""));
        live = ReadModelsUnderTest.open(database, "");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void feed(ProducerRecord<String, byte[]> record) {
        live.projection().apply(List.of(CaseScript.consumed(record, 0, offset++)));
    }

    /**
     * A: Login, high, Grace, one public reply (and a note, and the customer's message), done after 2 h, rated 5.
     * B: Login, high, Grace, two public replies, done after 30 h, rated 2. C: Orders, low, Alan, done after 30 min,
     * reopened, done again the next day. D: Orders, low, Alan, open. E: Login, medium, open. F: Login, medium, merged
     * into E and closed after an hour.
     */
    private List<ProducerRecord<String, byte[]>> scenario() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        CaseScript people = new CaseScript(T.minus(1, ChronoUnit.DAYS));
        records.add(people.then(new AgentRegistered(GRACE, "Grace", "grace@example.com", List.of(new Skill(Queue.LOGIN, 3)), 5, null)));
        records.add(people.then(new AgentRegistered(ALAN, "Alan", "alan@example.com", List.of(new Skill(Queue.ORDERS, 3)), 3, null)));
        UUID a = UUID.randomUUID();
        CaseScript first = opened(records, a, T, Queue.LOGIN, Priority.HIGH, GRACE);
        records.add(first.then(new CommentAdded(a, UUID.randomUUID(), null, AuthorType.CUSTOMER, "c", "Ada", Visibility.PUBLIC, "Hi", List.of())));
        records.add(first.then(note(a)));
        records.add(first.then(reply(a)));
        records.add(first.thenAt(T.plus(2, ChronoUnit.HOURS), done(a)));
        records.add(first.then(new SatisfactionRated(a, 5, null)));
        UUID b = UUID.randomUUID();
        CaseScript second = opened(records, b, T.plus(1, ChronoUnit.HOURS), Queue.LOGIN, Priority.HIGH, GRACE);
        records.add(second.then(reply(b)));
        records.add(second.then(reply(b)));
        records.add(second.thenAt(T.plus(31, ChronoUnit.HOURS), done(b)));
        records.add(second.then(new SatisfactionRated(b, 2, "slow")));
        UUID c = UUID.randomUUID();
        Instant cOpened = T.plus(23, ChronoUnit.HOURS);
        CaseScript third = opened(records, c, cOpened, Queue.ORDERS, Priority.LOW, ALAN);
        records.add(third.thenAt(cOpened.plus(30, ChronoUnit.MINUTES), done(c)));
        records.add(third.thenAt(cOpened.plus(20, ChronoUnit.HOURS), CaseReopened.agentReopened(c, "Still broken")));
        records.add(third.thenAt(cOpened.plus(25, ChronoUnit.HOURS), done(c)));
        UUID d = UUID.randomUUID();
        opened(records, d, cOpened.plus(1, ChronoUnit.HOURS), Queue.ORDERS, Priority.LOW, ALAN);
        UUID e = UUID.randomUUID();
        Instant day3 = T.plus(46, ChronoUnit.HOURS);
        opened(records, e, day3, Queue.LOGIN, Priority.MEDIUM, null);
        UUID f = UUID.randomUUID();
        CaseScript sixth = opened(records, f, day3, Queue.LOGIN, Priority.MEDIUM, null);
        records.add(sixth.then(new CaseMergedInto(f, e, "CS-5")));
        records.add(sixth.thenAt(day3.plus(1, ChronoUnit.HOURS), new CaseStatusChanged(f, CaseStatus.DONE, CaseStatus.NEW)));
        return records;
    }

    @Test
    void thePageFiguresComeFromTheCountersTheProjectionKeeps() {
        scenario().forEach(this::feed);

        Analytics.Report report = live.report(null);
        assertThat(report.days()).extracting(Analytics.Day::backlog)
                .as("open at the end of each day: B; C (reopened, resolved the 22nd) and D; D and E; D and E")
                .containsExactly(1L, 2L, 2L, 2L);
        assertThat(live.report("Orders").days()).extracting(Analytics.Day::backlog).containsExactly(0L, 2L, 1L, 1L);
        // first contact: A (one reply) of A, B (two replies), C (reopened); F, a merged duplicate, does not count
        assertThat(report.total().firstContact()).isEqualTo(new Analytics.FirstContact(3, 1, 1.0 / 3));
        assertThat(report.days()).extracting(day -> day.figures().firstContact().resolved()).containsExactly(1L, 1L, 1L, 0L);
        assertThat(report.days()).extracting(day -> day.figures().firstContact().firstContact()).containsExactly(1L, 0L, 0L, 0L);
        assertThat(new Analytics(live.analytics()).report(DAY1, LocalDate.parse("2026-11-25"), null, null, 1, TODAY)
                .days()).extracting(Analytics.Day::backlog).as("no backlog for days to come").endsWith(2L, null, null);

        AnalyticsBreakdowns.Breakdowns all = live.breakdowns(null);
        // A 2 h (≤ 2 h), B 30 h and C 25 h (≤ 2 days), F 1 h (≤ 1 h)
        assertThat(all.resolutionDistribution()).extracting(AnalyticsBreakdowns.Bucket::count)
                .containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 2L, 0L, 0L);
        assertThat(all.resolutionDistribution().get(4).upToSeconds()).isEqualTo(3600L);
        assertThat(all.resolutionDistribution().get(11).upToSeconds()).isNull();
        assertThat(all.resolutionByQueueAndPriority()).containsExactly(
                new AnalyticsBreakdowns.QueuePriority("Login", "high", new Analytics.Times(2, (7200.0 + 30 * 3600) / 2, 7200L, 172_800L)),
                new AnalyticsBreakdowns.QueuePriority("Login", "medium", new Analytics.Times(1, 3600.0, 3600L, 3600L)),
                new AnalyticsBreakdowns.QueuePriority("Orders", "low", new Analytics.Times(1, 25 * 3600.0, 172_800L, 172_800L)));
        assertThat(all.agents()).extracting(AnalyticsBreakdowns.AgentFigures::name).containsExactly("Alan", "Grace");
        AnalyticsBreakdowns.AgentFigures alan = all.agents().get(0);
        assertThat(alan.capacity()).isEqualTo(3);
        assertThat(alan.open()).isEqualTo(1);
        assertThat(alan.resolvedPerDay()).containsExactly(0L, 0L, 1L, 0L);
        assertThat(alan.csatCount()).isZero();
        assertThat(alan.firstContact()).isEqualTo(new Analytics.FirstContact(1, 0, 0.0));
        AnalyticsBreakdowns.AgentFigures grace = all.agents().get(1);
        assertThat(grace.open()).isZero();
        assertThat(grace.resolved()).isEqualTo(2);
        assertThat(grace.resolvedPerDay()).containsExactly(1L, 1L, 0L, 0L);
        assertThat(grace.csatMean()).isEqualTo(3.5);
        assertThat(grace.firstContact()).isEqualTo(new Analytics.FirstContact(2, 1, 0.5));
        assertThat(all.csatByQueue()).containsExactly(new AnalyticsBreakdowns.QueueCsat("Login", 2, 3.5, Map.of(2, 1L, 5, 1L)));

        AnalyticsBreakdowns.Breakdowns orders = live.breakdowns("Orders");
        assertThat(orders.resolutionByQueueAndPriority()).extracting(AnalyticsBreakdowns.QueuePriority::queue).containsOnly("Orders");
        assertThat(orders.agents()).filteredOn(agent -> agent.agentId().equals(GRACE.toString()))
                .singleElement().satisfies(agent -> assertThat(agent.resolved()).as("Grace resolved no Orders case").isZero());
        assertThat(orders.csatByQueue()).isEmpty();
    }

    @Test
    void aRebuildInOneBatchKeepsTheSameFigures() {
        List<ProducerRecord<String, byte[]>> records = scenario();
        records.forEach(this::feed);
        ReadModelsUnderTest rebuilt = ReadModelsUnderTest.open(database, "_g2");
        List<CaseEventRecord> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            batch.add(CaseScript.consumed(records.get(i), 0, i));
        }
        rebuilt.projection().apply(batch);

        assertThat(rebuilt.report(null)).isEqualTo(live.report(null));
        assertThat(rebuilt.breakdowns(null)).isEqualTo(live.breakdowns(null));
        assertThat(rebuilt.breakdowns("Login")).isEqualTo(live.breakdowns("Login"));
    }

    @Test
    void aViewStoredBeforeRepliesWereCountedNeverTakesBackWhatItWasNotCountedFor() {
        UUID old = UUID.randomUUID();
        CaseScript script = new CaseScript(T);
        List<ProducerRecord<String, byte[]>> history = new ArrayList<>();
        history.add(script.thenAt(T, openedEvent(old, T, Priority.HIGH)));
        history.add(script.then(new CaseClassified(old, Queue.LOGIN, Queue.UNCLASSIFIED, "rules")));
        history.add(script.then(reply(old)));
        history.add(script.thenAt(T.plus(1, ChronoUnit.HOURS), done(old)));
        // the view as the service stored it before it counted replies, and the counters as they were then
        CaseView view = null;
        for (int i = 0; i < history.size(); i++) {
            CaseEventRecord record = CaseScript.consumed(history.get(i), 0, i);
            view = CaseFold.apply(view, (org.casestream.events.cases.CaseEvent) record.envelope().event(),
                    record.envelope().time(), record.envelope().sequence());
        }
        CaseView before = withoutReplyCount(view);
        live.cases().save(before);
        live.analytics().apply(live.analytics().entries(0, history.size() - 1L, null, before));
        offset = history.size();
        assertThat(live.report(null).total().resolution().count()).isEqualTo(1);

        feed(script.thenAt(T.plus(2, ChronoUnit.HOURS), CaseReopened.agentReopened(old, "Not fixed")));
        feed(script.then(reply(old)));

        assertThat(live.cases().find(old).orElseThrow().publicAgentReplies()).as("still unknown").isNull();
        Analytics.Report report = live.report(null);
        assertThat(report.total().resolution().count()).as("the old figures follow the case").isZero();
        assertThat(report.total().firstContact()).isEqualTo(new Analytics.FirstContact(0, 0, null));
        assertThat(report.days()).extracting(Analytics.Day::backlog).containsOnly(0L);
        assertThat(negativeCounters(database.getCollection(AnalyticsCounters.COLLECTION).find().into(new ArrayList<>())))
                .isEmpty();
    }

    private static List<String> negativeCounters(List<Document> documents) {
        List<String> negative = new ArrayList<>();
        documents.forEach(document -> collectNegative("", document, negative));
        return negative;
    }

    private static void collectNegative(String path, Map<?, ?> map, List<String> negative) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                collectNegative(path + key + ".", nested, negative);
            } else if (value instanceof Number number && number.longValue() < 0 && !key.equals("offset")) {
                negative.add(path + key);
            }
        });
    }

    private static CaseView withoutReplyCount(CaseView v) {
        return new CaseView(v.caseId(), v.caseNumber(), v.customer(), v.subject(), v.description(), v.attachments(),
                v.channel(), v.externalRef(), v.origin(), v.queue(), v.priority(), v.status(), v.assignee(), v.tags(),
                v.sla(), v.escalationLevel(), v.satisfaction(), v.commentCount(), v.internalNoteCount(),
                v.lastCustomerMessageAt(), v.lastAgentReplyAt(), v.openedAt(), v.updatedAt(), v.resolvedAt(),
                v.reopenCount(), v.mergedInto(), v.merged(), null, v.lastSequence());
    }

    private static CaseScript opened(List<ProducerRecord<String, byte[]>> records, UUID caseId, Instant at, Queue queue,
                                     Priority priority, UUID agent) {
        CaseScript script = new CaseScript(at);
        records.add(script.thenAt(at, openedEvent(caseId, at, priority)));
        records.add(script.then(new CaseClassified(caseId, queue, Queue.UNCLASSIFIED, "rules")));
        if (agent != null) {
            records.add(script.then(new CaseAssigned(caseId, agent, null, AssignmentReason.AUTO)));
        }
        return script;
    }

    private static CaseOpened openedEvent(UUID caseId, Instant at, Priority priority) {
        return new CaseOpened(caseId, "CS-" + Math.abs(caseId.getLeastSignificantBits() % 100000),
                new Customer("c-" + caseId, "Ada", "ada@example.com", Tier.STANDARD), "Subject", "Description",
                Channel.WEB, null, null, priority, List.of(), at);
    }

    private static CommentAdded reply(UUID caseId) {
        return new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, "grace", "Grace", Visibility.PUBLIC,
                "We are on it", List.of());
    }

    private static CommentAdded note(UUID caseId) {
        return new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, "grace", "Grace", Visibility.INTERNAL,
                "Checked the logs", List.of());
    }

    private static CaseStatusChanged done(UUID caseId) {
        return new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS);
    }
}
