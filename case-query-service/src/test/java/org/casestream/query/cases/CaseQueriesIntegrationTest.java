package org.casestream.query.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.casestream.events.AssignmentReason;
import org.casestream.events.AuthorType;
import org.casestream.events.Availability;
import org.casestream.events.CaseOrigin;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Skill;
import org.casestream.events.SlaTarget;
import org.casestream.events.Tier;
import org.casestream.events.Topics;
import org.casestream.events.Visibility;
import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Events in through the real broker, queries out over HTTP. The expected answers come from a model the test keeps
 * of the cases it published, computed here without the service's code.
 */
class CaseQueriesIntegrationTest extends QueryIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 42;
    private static final UUID GRACE = UUID.randomUUID();
    private static final UUID ALAN = UUID.randomUUID();
    private static final String[] SUBJECTS = {"Café order missing", "Login loop on Android", "Refund not received",
            "Parcel delivered to wrong address", "Payment declined twice", "Cannot reset password"};
    private static final Map<UUID, Expected> MODEL = new LinkedHashMap<>();
    private static Instant seededAt;

    /** What the test knows about a case it published. */
    record Expected(UUID caseId, String caseNumber, long number, String customerId, String customerName, String subject,
                    String description, Channel channel, Tier tier, Queue queue, Priority priority, CaseStatus status,
                    UUID assignee, List<String> tags, Instant openedAt, Instant updatedAt, Instant resolvedAt,
                    Instant nextDue, boolean breachRecorded, List<String> publicComments, List<String> internalNotes) {

        /** Every fourth case was opened by an agent, the others by their channel. */
        static CaseOrigin origin(long number) {
            return number % 4 == 0 ? CaseOrigin.AGENT : CaseOrigin.CHANNEL;
        }

        boolean open() {
            return status != CaseStatus.DONE;
        }
    }

    @BeforeEach
    void seedOnce() throws Exception {
        assertThat(consumer.awaitAssignment(APPLIED_WITHIN)).isTrue();
        synchronized (MODEL) {
            if (!MODEL.isEmpty()) {
                return;
            }
            seededAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            CaseScript grace = new CaseScript(seededAt.minus(10, ChronoUnit.DAYS));
            records.add(grace.then(new AgentRegistered(GRACE, "Grace", "grace@example.com", List.of(new Skill(Queue.LOGIN, 4)), 5, null)));
            records.add(grace.then(new AgentAvailabilityChanged(GRACE, Availability.ONLINE, Availability.OFFLINE)));
            CaseScript alan = new CaseScript(seededAt.minus(10, ChronoUnit.DAYS));
            records.add(alan.then(new AgentRegistered(ALAN, "Alan", "alan@example.com", List.of(new Skill(Queue.ORDERS, 2)), 3, null)));
            for (int i = 0; i < CASES; i++) {
                records.addAll(seedCase(i));
            }
            awaitApplied(consumer, publish(Topics.CASE_EVENTS, records));
        }
    }

    private static List<ProducerRecord<String, byte[]>> seedCase(int i) {
        UUID caseId = UUID.randomUUID();
        long number = 5000 + (i * 7919L) % 1000;
        Instant openedAt = seededAt.minus(i % 7, ChronoUnit.DAYS).minus(i * 3L, ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
        CaseScript script = new CaseScript(openedAt.minusSeconds(60));
        Channel channel = Channel.values()[i % 5];
        Tier tier = Tier.values()[i % 3];
        Priority priority = Priority.values()[i % 4];
        Queue queue = Queue.SHIPPED.get(i % 6);
        List<String> tags = switch (i % 4) {
            case 0 -> List.of("vip");
            case 1 -> List.of("billing", "vip");
            default -> List.of();
        };
        String customerName = i % 5 == 0 ? "Zoë Ünal" : "Customer " + i;
        String subject = SUBJECTS[i % SUBJECTS.length];
        String description = "Ticket number " + i + (i % 2 == 0 ? " sent from the mobile app" : " sent from the website");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(script.then(new CaseOpened(caseId, "CS-" + number, new Customer("cust-" + (i % 10), customerName,
                "c" + i + "@example.com", tier), subject, description, channel, "ext-" + i, null, priority, tags, openedAt,
                Expected.origin(number), null)));
        if (!Queue.UNCLASSIFIED.equals(queue)) {
            records.add(script.then(new CaseClassified(caseId, queue, Queue.UNCLASSIFIED, "rules")));
        }
        Instant nextDue = null;
        boolean breachRecorded = false;
        switch (i % 5) {
            case 0 -> {
                nextDue = seededAt.plus(30, ChronoUnit.MINUTES);
                records.add(script.then(new SlaTargetsSet(caseId, nextDue, seededAt.plus(1, ChronoUnit.DAYS), "p")));
            }
            case 1 -> {
                nextDue = seededAt.minus(2, ChronoUnit.HOURS);
                records.add(script.then(new SlaTargetsSet(caseId, nextDue, seededAt.plus(1, ChronoUnit.DAYS), "p")));
            }
            case 2 -> {
                nextDue = seededAt.plus(3, ChronoUnit.DAYS);
                records.add(script.then(new SlaTargetsSet(caseId, seededAt.plus(3, ChronoUnit.DAYS), seededAt.plus(3, ChronoUnit.DAYS), "p")));
                records.add(script.then(new SlaBreached(caseId, SlaTarget.FIRST_RESPONSE, seededAt)));
                breachRecorded = true;
            }
            default -> { }
        }
        UUID assignee = switch ((i / 3) % 3) {
            case 0 -> GRACE;
            case 1 -> ALAN;
            default -> null;
        };
        if (assignee != null) {
            records.add(script.then(new CaseAssigned(caseId, assignee, null, AssignmentReason.AUTO)));
        }
        List<String> publicComments = new ArrayList<>();
        List<String> internalNotes = new ArrayList<>();
        if (i % 4 == 3) {
            String note = "Mail logs show a bounce for case " + i;
            records.add(script.then(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, "grace", "Grace",
                    Visibility.INTERNAL, note, List.of())));
            internalNotes.add(note);
            String reply = "We are looking into it";
            records.add(script.then(new CommentAdded(caseId, UUID.randomUUID(), null, AuthorType.AGENT, "grace", "Grace",
                    Visibility.PUBLIC, reply, List.of())));
            publicComments.add(reply);
        }
        CaseStatus status = CaseStatus.values()[i % 3];
        Instant resolvedAt = null;
        if (status != CaseStatus.NEW) {
            records.add(script.then(new CaseStatusChanged(caseId, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
        }
        if (status == CaseStatus.DONE) {
            records.add(script.then(new CaseStatusChanged(caseId, CaseStatus.DONE, CaseStatus.IN_PROGRESS)));
            resolvedAt = script.clock();
            nextDue = null;
        }
        MODEL.put(caseId, new Expected(caseId, "CS-" + number, number, "cust-" + (i % 10), customerName, subject,
                description, channel, tier, queue, priority, status, assignee, tags, openedAt, script.clock(),
                resolvedAt, nextDue, breachRecorded, publicComments, internalNotes));
        return records;
    }

    // --- lists --------------------------------------------------------------------------------------------

    @Test
    void everyFilterFindsExactlyTheCasesThatMatch() {
        assertList("status=inprogress", c -> c.status() == CaseStatus.IN_PROGRESS);
        assertList("status=new,done", c -> c.status() != CaseStatus.IN_PROGRESS);
        assertList("priority=critical", c -> c.priority() == Priority.CRITICAL);
        assertList("queue=Orders&queue=Refunds", c -> Queue.ORDERS.equals(c.queue()) || Queue.REFUNDS.equals(c.queue()));
        assertList("queue=Unclassified", c -> Queue.UNCLASSIFIED.equals(c.queue()));
        assertList("assignee=" + GRACE, c -> GRACE.equals(c.assignee()));
        assertList("assignee=none", c -> c.assignee() == null);
        assertList("channel=phone", c -> c.channel() == Channel.PHONE);
        assertList("tier=platinum", c -> c.tier() == Tier.PLATINUM);
        assertList("tag=vip", c -> c.tags().contains("vip"));
        assertList("tag=billing&status=done", c -> c.tags().contains("billing") && c.status() == CaseStatus.DONE);
        Instant from = seededAt.minus(3, ChronoUnit.DAYS);
        Instant to = seededAt.minus(1, ChronoUnit.DAYS);
        assertList("createdFrom=" + from + "&createdTo=" + to,
                c -> !c.openedAt().isBefore(from) && c.openedAt().isBefore(to));
        assertList("createdFrom=" + from + "&priority=high,low&channel=email,web,chat",
                c -> !c.openedAt().isBefore(from) && (c.priority() == Priority.HIGH || c.priority() == Priority.LOW)
                        && Set.of(Channel.EMAIL, Channel.WEB, Channel.CHAT).contains(c.channel()));
    }

    @Test
    void aCustomersCasesAreTheirsOnly() {
        JsonNode page = get(Role.AGENT, "/api/customers/cust-3/cases?limit=200");
        assertThat(ids(page)).containsExactlyInAnyOrderElementsOf(expectedIds(c -> c.customerId().equals("cust-3")));
    }

    @Test
    void everySortPagesThroughEveryCaseInOrderWithoutRepeats() {
        Map<String, Comparator<Expected>> sorts = new LinkedHashMap<>();
        sorts.put("createdAt", Comparator.comparing(Expected::openedAt));
        sorts.put("updatedAt", Comparator.comparing(Expected::updatedAt));
        sorts.put("priority", Comparator.comparing(c -> c.priority().ordinal()));
        sorts.put("caseNumber", Comparator.comparing(Expected::number));
        sorts.put("slaDue", Comparator.comparing(Expected::nextDue, Comparator.nullsLast(Comparator.naturalOrder())));
        sorts.forEach((name, comparator) -> {
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<Expected> order = comparator.thenComparing(c -> c.caseId().toString());
                if (descending) {
                    order = name.equals("slaDue")
                            ? Comparator.comparing(Expected::nextDue, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                                    .thenComparing(c -> c.caseId().toString(), Comparator.reverseOrder())
                            : order.reversed();
                }
                List<UUID> expected = MODEL.values().stream().sorted(order).map(Expected::caseId).toList();
                List<UUID> paged = pageThrough("/api/cases?limit=5&sort=" + (descending ? "-" : "") + name);
                assertThat(paged).as("sort %s%s", descending ? "-" : "", name).containsExactlyElementsOf(expected);
            }
        });
    }

    @Test
    void fullTextMatchesEveryWordWithAPrefixOnTheLastIgnoringCaseAndAccents() {
        for (String q : List.of("cafe", "CAFÉ order", "zoe una", "parcel wrong", "parcel missing", "bounce", "mobile app",
                "android log", "cs-5", "c7@example.com", "declined tw")) {
            JsonNode page = get(Role.AGENT, "/api/cases?limit=200&q={q}", q);
            assertThat(ids(page)).as("q=%s", q).containsExactlyInAnyOrderElementsOf(expectedIds(c -> matches(c, q)));
        }
        assertThat(ids(get(Role.AGENT, "/api/cases?limit=200&q={q}", "zoe una"))).isNotEmpty();
        assertThat(ids(get(Role.AGENT, "/api/cases?limit=200&q={q}", "parcel missing"))).isEmpty();
        JsonNode combined = get(Role.AGENT, "/api/cases?limit=200&status=new&q={q}", "login");
        assertThat(ids(combined)).containsExactlyInAnyOrderElementsOf(
                expectedIds(c -> c.status() == CaseStatus.NEW && matches(c, "login")));
    }

    @Test
    void facetsCountTheMatchingCasesByValue() {
        JsonNode page = get(Role.LEAD, "/api/cases?limit=1&tag=vip");
        List<Expected> vip = MODEL.values().stream().filter(c -> c.tags().contains("vip")).toList();
        assertThat(page.get("total").asLong()).isEqualTo(vip.size());
        assertThat(counts(page.get("facets").get("status"))).isEqualTo(countBy(vip, c -> c.status().wire()));
        assertThat(counts(page.get("facets").get("queue"))).isEqualTo(countBy(vip, c -> c.queue().wire()));
        assertThat(counts(page.get("facets").get("assignee"))).isEqualTo(
                countBy(vip, c -> c.assignee() == null ? "none" : c.assignee().toString()));
    }

    @Test
    void badParametersAreNamedInOneProblemAndABadCursorToo() {
        ResponseEntity<JsonNode> response = as(Role.AGENT).get()
                .uri("/api/cases?status=bogus&limit=0&createdFrom=yesterday&sort=colour&priority=urgent")
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "limit", "createdFrom", "sort", "priority");
        ResponseEntity<JsonNode> cursor = as(Role.AGENT).get().uri("/api/cases?cursor=not-a-cursor")
                .retrieve().toEntity(JsonNode.class);
        assertThat(cursor.getStatusCode().value()).isEqualTo(400);
        assertThat(cursor.getBody().get("errors").findValuesAsText("field")).containsExactly("cursor");
        assertThat(as(Role.AGENT).get().uri("/api/sla?state=late").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void exportsStreamTheFilteredListAsCsvAndNdjson() throws Exception {
        ResponseEntity<String> csv = as(Role.MANAGER).get().uri("/api/cases/export?format=csv&status=done&sort=caseNumber")
                .retrieve().toEntity(String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> rows = csv.getBody().lines().toList();
        assertThat(rows.getFirst()).startsWith("caseId,caseNumber,status,");
        List<Expected> done = MODEL.values().stream().filter(c -> c.status() == CaseStatus.DONE)
                .sorted(Comparator.comparing(Expected::number).thenComparing(c -> c.caseId().toString())).toList();
        assertThat(rows.subList(1, rows.size()).stream().map(row -> UUID.fromString(row.substring(0, 36))).toList())
                .containsExactlyElementsOf(done.stream().map(Expected::caseId).toList());
        assertThat(rows.get(1)).contains("," + done.getFirst().caseNumber() + ",done,");

        ResponseEntity<String> ndjson = as(Role.AGENT).get().uri("/api/cases/export?format=ndjson&tag=vip")
                .retrieve().toEntity(String.class);
        List<UUID> exported = new ArrayList<>();
        for (String line : ndjson.getBody().split("\n")) {
            exported.add(UUID.fromString(JSON.readTree(line).get("caseId").asText()));
        }
        assertThat(exported).containsExactlyInAnyOrderElementsOf(expectedIds(c -> c.tags().contains("vip")));
        assertThat(as(Role.CHANNEL).get().uri("/api/cases/export").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        assertThat(as(Role.AGENT).get().uri("/api/cases/export?format=xlsx").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void tooManyOrTooLongFilterValuesAre400NamingTheFilter() {
        String manyTags = java.util.stream.IntStream.range(0, 1_100).mapToObj(i -> Integer.toString(i, 36))
                .collect(Collectors.joining(","));
        ResponseEntity<JsonNode> many = as(Role.AGENT).get().uri("/api/cases?tag={tags}", manyTags).retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> long_ = as(Role.AGENT).get().uri("/api/cases?tag={tag}&status=new", "x".repeat(5_000))
                .retrieve().toEntity(JsonNode.class);

        assertThat(many.getStatusCode().value()).isEqualTo(400);
        assertThat(many.getBody().get("errors").get(0).get("field").asText()).isEqualTo("tag");
        assertThat(long_.getStatusCode().value()).isEqualTo(400);
        assertThat(long_.getBody().get("errors").get(0).get("field").asText()).isEqualTo("tag");
    }

    // --- detail and roles ----------------------------------------------------------------------------------

    @Test
    void aCaseShowsItsThreadAndAChannelNeverSeesInternalNotes() {
        Expected withNotes = MODEL.values().stream().filter(c -> !c.internalNotes().isEmpty()).findFirst().orElseThrow();
        JsonNode agentView = get(Role.AGENT, "/api/cases/" + withNotes.caseId());
        assertThat(agentView.get("caseNumber").asText()).isEqualTo(withNotes.caseNumber());
        assertThat(agentView.get("customer").get("name").asText()).isEqualTo(withNotes.customerName());
        assertThat(agentView.get("comments").findValuesAsText("body"))
                .containsExactlyElementsOf(Stream.concat(withNotes.internalNotes().stream(), withNotes.publicComments().stream()).toList());
        Expected channelsOwn = MODEL.values().stream()
                .filter(c -> !c.internalNotes().isEmpty() && Expected.origin(c.number()) == CaseOrigin.CHANNEL)
                .findFirst().orElseThrow();
        ResponseEntity<JsonNode> channelView = channel(channelsOwn.channel().wire()).get()
                .uri("/api/cases/" + channelsOwn.caseId()).retrieve().toEntity(JsonNode.class);
        assertThat(channelView.getStatusCode().value()).isEqualTo(200);
        assertThat(channelView.getBody().get("comments").findValuesAsText("body"))
                .containsExactlyElementsOf(channelsOwn.publicComments());
        assertThat(channelView.getBody().toString()).doesNotContain("bounce");

        Channel another = Arrays.stream(Channel.values()).filter(c -> c != channelsOwn.channel()).findFirst().orElseThrow();
        Expected agentOpened = MODEL.values().stream().filter(c -> Expected.origin(c.number()) == CaseOrigin.AGENT)
                .findFirst().orElseThrow();
        assertThat(channel(another.wire()).get().uri("/api/cases/" + channelsOwn.caseId()).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("another channel's case").isEqualTo(404);
        assertThat(as(Role.CHANNEL).get().uri("/api/cases/" + channelsOwn.caseId()).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("a channel token naming no channel").isEqualTo(404);
        ResponseEntity<String> openedByAgent = channel(agentOpened.channel().wire()).get()
                .uri("/api/cases/" + agentOpened.caseId()).retrieve().toEntity(String.class);
        assertThat(openedByAgent.getStatusCode().value()).as("a case an agent opened").isEqualTo(404);
        assertThat(openedByAgent.getBody()).doesNotContain(agentOpened.customerName());

        assertThat(as(Role.CHANNEL).get().uri("/api/cases").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(as(Role.AGENT).get().uri("/api/cases/" + UUID.randomUUID()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(Callers.client("http://localhost:" + port, "not-a-token").get().uri("/api/dashboard").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aThreadIsPagedForTheSameCallersAsTheCaseAndAChannelNeitherSeesNorCountsInternalNotes() {
        Expected channelsOwn = MODEL.values().stream()
                .filter(c -> !c.internalNotes().isEmpty() && Expected.origin(c.number()) == CaseOrigin.CHANNEL)
                .findFirst().orElseThrow();
        String comments = "/api/cases/" + channelsOwn.caseId() + "/comments";
        JsonNode agentPage = get(Role.AGENT, comments + "?after=0&limit=1");
        int all = channelsOwn.internalNotes().size() + channelsOwn.publicComments().size();
        assertThat(agentPage.get("total").asInt()).isEqualTo(all);
        assertThat(agentPage.get("items")).hasSize(1);
        assertThat(agentPage.get("newer").asInt()).isEqualTo(1);
        assertThat(get(Role.AGENT, "/api/cases/" + channelsOwn.caseId()).get("commentCount").asInt()).isEqualTo(all);

        ResponseEntity<JsonNode> channelPage = channel(channelsOwn.channel().wire()).get().uri(comments)
                .retrieve().toEntity(JsonNode.class);
        assertThat(channelPage.getStatusCode().value()).isEqualTo(200);
        assertThat(channelPage.getBody().get("items").findValuesAsText("body"))
                .containsExactlyElementsOf(channelsOwn.publicComments());
        assertThat(channelPage.getBody().get("total").asInt()).isEqualTo(channelsOwn.publicComments().size());
        assertThat(channel(channelsOwn.channel().wire()).get().uri("/api/cases/" + channelsOwn.caseId()).retrieve()
                .body(JsonNode.class).get("commentCount").asInt()).isEqualTo(channelsOwn.publicComments().size());

        Channel another = Arrays.stream(Channel.values()).filter(c -> c != channelsOwn.channel()).findFirst().orElseThrow();
        assertThat(channel(another.wire()).get().uri(comments).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        for (String bad : List.of("?limit=0", "?limit=201", "?before=0", "?after=-1", "?before=3&after=1")) {
            ResponseEntity<JsonNode> answer = as(Role.AGENT).get().uri(comments + bad).retrieve().toEntity(JsonNode.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
        }
    }

    // --- dashboard and SLA ---------------------------------------------------------------------------------

    @Test
    void theDashboardAgreesWithCountsRecomputedFromThePublishedCases() {
        JsonNode dashboard = get(Role.MANAGER, "/api/dashboard");
        List<Expected> all = List.copyOf(MODEL.values());
        List<Expected> open = all.stream().filter(Expected::open).toList();
        assertThat(counts(dashboard.get("byStatus"))).isEqualTo(withZeros(countBy(all, c -> c.status().wire()),
                Arrays.stream(CaseStatus.values()).map(CaseStatus::wire)));
        assertThat(counts(dashboard.get("openByPriority"))).isEqualTo(withZeros(countBy(open, c -> c.priority().wire()),
                Arrays.stream(Priority.values()).map(Priority::wire)));
        for (Queue queue : Queue.SHIPPED) {
            assertThat(counts(dashboard.get("byQueueAndStatus").get(queue.wire()))).as(queue.wire()).isEqualTo(withZeros(
                    countBy(all.stream().filter(c -> c.queue().equals(queue)).toList(), c -> c.status().wire()),
                    Arrays.stream(CaseStatus.values()).map(CaseStatus::wire)));
        }
        long critical = open.stream().filter(c -> c.priority() == Priority.CRITICAL).count();
        assertThat(dashboard.get("criticalOpen").get("count").asLong()).isEqualTo(critical);
        assertThat(dashboard.get("criticalOpen").get("cases").size()).isEqualTo((int) Math.min(critical, 10));

        Instant now = Instant.now();
        long atRisk = open.stream().filter(c -> !c.breachRecorded() && c.nextDue() != null && !c.nextDue().isBefore(now)
                && !c.nextDue().isAfter(now.plus(1, ChronoUnit.HOURS))).count();
        long breached = open.stream().filter(c -> c.breachRecorded() || c.nextDue() != null && c.nextDue().isBefore(now)).count();
        assertThat(dashboard.get("sla").get("atRisk").asLong()).isEqualTo(atRisk).isPositive();
        assertThat(dashboard.get("sla").get("breached").asLong()).isEqualTo(breached).isPositive();

        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        Map<String, JsonNode> agents = new HashMap<>();
        dashboard.get("agents").forEach(agent -> agents.put(agent.get("agentId").asText(), agent));
        for (UUID agent : List.of(GRACE, ALAN)) {
            JsonNode shown = agents.get(agent.toString());
            assertThat(shown.get("load").asLong()).isEqualTo(open.stream().filter(c -> agent.equals(c.assignee())).count());
            assertThat(shown.get("resolvedToday").asLong()).isEqualTo(all.stream().filter(c -> agent.equals(c.assignee())
                    && c.resolvedAt() != null && LocalDate.ofInstant(c.resolvedAt(), ZoneOffset.UTC).toString().equals(today)).count());
        }
        assertThat(agents.get(GRACE.toString()).get("availability").asText()).isEqualTo("online");
        assertThat(agents.get(ALAN.toString()).get("capacity").asInt()).isEqualTo(3);

        Map<String, Long> openedPerDay = countBy(all, c -> LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC).toString());
        dashboard.get("volume").forEach(day -> assertThat(day.get("opened").asLong()).as(day.get("day").asText())
                .isEqualTo(openedPerDay.getOrDefault(day.get("day").asText(), 0L)));
    }

    @Test
    void analyticsCountWhatWasOpenedAndResolvedPerDayQueueAndAgent() {
        JsonNode report = get(Role.MANAGER, "/api/analytics");
        assertThat(report.get("total").get("opened").asLong()).isEqualTo(MODEL.size());
        Map<String, Long> resolvedPerDay = countBy(MODEL.values().stream().filter(c -> c.resolvedAt() != null).toList(),
                c -> LocalDate.ofInstant(c.resolvedAt(), ZoneOffset.UTC).toString());
        report.get("days").forEach(day -> assertThat(day.get("figures").get("resolution").get("count").asLong())
                .as(day.get("day").asText()).isEqualTo(resolvedPerDay.getOrDefault(day.get("day").asText(), 0L)));
        JsonNode login = get(Role.MANAGER, "/api/analytics?queue=Login&agent={agent}", GRACE);
        assertThat(login.get("total").get("opened").asLong())
                .isEqualTo(MODEL.values().stream().filter(c -> Queue.LOGIN.equals(c.queue()) && GRACE.equals(c.assignee())).count());
        ResponseEntity<JsonNode> bad = as(Role.MANAGER).get().uri("/api/analytics?from=yesterday&queue=No.where&agent=bob")
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "queue", "agent");
    }

    @Test
    void theSlaBoardListsAtRiskAndBreachedCases() {
        Instant now = Instant.now();
        JsonNode atRisk = get(Role.LEAD, "/api/sla?state=at-risk&limit=200");
        assertThat(ids(atRisk)).containsExactlyInAnyOrderElementsOf(expectedIds(c -> c.open() && !c.breachRecorded()
                && c.nextDue() != null && !c.nextDue().isBefore(now) && !c.nextDue().isAfter(now.plus(1, ChronoUnit.HOURS))));
        atRisk.get("items").forEach(item -> assertThat(item.get("slaState").asText()).isEqualTo("at-risk"));
        JsonNode breached = get(Role.LEAD, "/api/sla?state=breached&limit=200");
        assertThat(ids(breached)).containsExactlyInAnyOrderElementsOf(expectedIds(c -> c.open()
                && (c.breachRecorded() || c.nextDue() != null && c.nextDue().isBefore(now))));
        breached.get("items").forEach(item -> assertThat(item.get("slaState").asText()).isEqualTo("breached"));
    }

    // --- live stream ---------------------------------------------------------------------------------------

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        String shortLived = TestInfrastructure.token(Role.AGENT, "watcher", Duration.ofSeconds(3));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream").build();

        // ends by itself: a stream that outlived its token would run into the timeout below
        List<String> lines = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> response.body().toList()).get(30, TimeUnit.SECONDS);

        assertThat(lines).first().isEqualTo(":connected");
        assertThat(lines).contains(":token expired");
    }

    @Test
    void theStreamSendsEachChangeAfterTheReadModelShowsItAndResumesFromLastEventId() throws Exception {
        Expected target = MODEL.values().stream().filter(c -> c.open() && c.priority() != Priority.CRITICAL).findFirst().orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        String token = TestInfrastructure.token(Role.AGENT, "watcher");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        var streaming = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
            CaseScript script = new CaseScript(target.updatedAt());
            List<ProducerRecord<String, byte[]>> change = List.of(script.then(
                    new CasePriorityChanged(target.caseId(), Priority.CRITICAL, target.priority(), "test")));
            // the script's sequences start at 0: move them past what the case already has
            ProducerRecord<String, byte[]> record = withSequence(change.getFirst(), 100);
            List<RecordMetadata> landed = publish(Topics.CASE_EVENTS, List.of(record));
            MODEL.put(target.caseId(), new Expected(target.caseId(), target.caseNumber(), target.number(),
                    target.customerId(), target.customerName(), target.subject(), target.description(), target.channel(),
                    target.tier(), target.queue(), Priority.CRITICAL, target.status(), target.assignee(), target.tags(),
                    target.openedAt(), script.clock(), target.resolvedAt(), target.nextDue(), target.breachRecorded(),
                    target.publicComments(), target.internalNotes()));
            String id = null;
            JsonNode data = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null || line.startsWith(":")) {
                    continue;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data = JSON.readTree(line.substring(5));
                }
            }
            assertThat(data).isNotNull();
            assertThat(data.get("type").asText()).isEqualTo("CasePriorityChanged");
            assertThat(data.get("summary").get("caseId").asText()).isEqualTo(target.caseId().toString());
            assertThat(data.get("summary").get("priority").asText()).isEqualTo("critical");
            // sent after the read model was updated: the list already shows it
            assertThat(ids(get(Role.AGENT, "/api/cases?limit=200&priority=critical"))).contains(target.caseId());
            awaitApplied(consumer, landed);

            HttpRequest resume = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                    .header("Authorization", "Bearer " + token).header("Last-Event-ID", Long.toString(Long.parseLong(id) - 1))
                    .build();
            BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
            var second = http.sendAsync(resume, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(resumed::add));
            try {
                String replayedId = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < until && !Objects.equals(replayedId, id)) {
                    String line = resumed.poll(1, TimeUnit.SECONDS);
                    if (line != null && line.startsWith("id:")) {
                        replayedId = line.substring(3).trim();
                    }
                }
                assertThat(replayedId).isEqualTo(id);
            } finally {
                second.cancel(true);
            }
            // heartbeats keep the stream alive while nothing happens
            String heartbeat = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until && heartbeat == null) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (":heartbeat".equals(line)) {
                    heartbeat = line;
                }
            }
            assertThat(heartbeat).isNotNull();
        } finally {
            streaming.cancel(true);
        }
    }

    @Test
    void projectionLagIsAGaugeInPrometheus() {
        String metrics = as(Role.OPS).get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("casestream_projection_lag_records");
        assertThat(as(Role.AGENT).get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/api/cases/{caseId}");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static ProducerRecord<String, byte[]> withSequence(ProducerRecord<String, byte[]> record, long sequence) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders(record.headers().toArray());
        headers.remove("ce_sequence");
        headers.add("ce_sequence", Long.toString(sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }

    private void assertList(String filter, Predicate<Expected> matching) {
        JsonNode page = get(Role.AGENT, "/api/cases?limit=200&" + filter);
        assertThat(ids(page)).as(filter).containsExactlyInAnyOrderElementsOf(expectedIds(matching));
        assertThat(page.get("total").asLong()).as(filter).isEqualTo(expectedIds(matching).size());
    }

    private List<UUID> pageThrough(String path) {
        List<UUID> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = cursor == null ? get(Role.AGENT, path) : get(Role.AGENT, path + "&cursor={cursor}", cursor);
            all.addAll(ids(page));
            JsonNode next = page.get("nextCursor");
            if (next == null || next.isNull()) {
                return all;
            }
            cursor = next.asText();
        }
        throw new AssertionError("paging did not end");
    }

    private RestClient channel(String name) {
        return Callers.client("http://localhost:" + port,
                TestInfrastructure.token(Role.CHANNEL, "apikey:" + name, Map.of("channel", name)));
    }

    private JsonNode get(Role role, String path, Object... variables) {
        ResponseEntity<JsonNode> response = as(role).get().uri(path, variables).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(UUID.fromString(item.get("caseId").asText())));
        return ids;
    }

    private static List<UUID> expectedIds(Predicate<Expected> matching) {
        return MODEL.values().stream().filter(matching).map(Expected::caseId).toList();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static Map<String, Long> countBy(List<Expected> cases, Function<Expected, String> key) {
        return new TreeMap<>(cases.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
    }

    private static Map<String, Long> withZeros(Map<String, Long> counts, Stream<String> keys) {
        Map<String, Long> all = new TreeMap<>(counts);
        keys.forEach(key -> all.putIfAbsent(key, 0L));
        return all;
    }

    /** The test's own idea of the search: every word of q in the text (accents and case ignored), the last as a prefix. */
    private static boolean matches(Expected c, String q) {
        List<String> words = words(c.caseNumber() + " " + c.subject() + " " + c.description() + " " + c.customerId() + " "
                + c.customerName() + " " + String.join(" ", c.publicComments()) + " "
                + String.join(" ", c.internalNotes()));
        words.addAll(emailWords(c));
        List<String> asked = words(q);
        for (int i = 0; i < asked.size(); i++) {
            String word = asked.get(i);
            boolean last = i == asked.size() - 1;
            if (words.stream().noneMatch(w -> last ? w.startsWith(word) : w.equals(word))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> emailWords(Expected c) {
        int i = MODEL_INDEX.computeIfAbsent(c.caseId(), id -> Integer.parseInt(c.description().replaceAll("\\D", "")));
        return List.of("c" + i, "example.com");
    }

    private static final Map<UUID, Integer> MODEL_INDEX = new HashMap<>();

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : folded.split("[^a-z0-9.@]+")) {
            // the standard tokenizer splits at '-' and '@' but keeps "example.com" whole
            for (String part : word.split("@")) {
                if (!part.isEmpty()) {
                    words.add(part.endsWith(".") ? part.substring(0, part.length() - 1) : part);
                }
            }
        }
        return words;
    }

}
