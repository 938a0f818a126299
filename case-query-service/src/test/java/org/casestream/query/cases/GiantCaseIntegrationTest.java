package org.casestream.query.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Customer;
import org.casestream.events.Tier;
import org.casestream.events.Visibility;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.localstack.jwt.Role;
import org.casestream.query.projection.GenerationConsumer;
import org.casestream.query.rebuild.Projections;
import org.casestream.query.support.CaseScript;
import org.casestream.query.support.QueryIntegrationTest;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Instances;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A case whose thread is larger than MongoDB's 16 MB document limit (400 comments of 50,000 characters, 20 MB),
 * read from the real topic by an instance with a topic of its own: it projects with the status change that came
 * after its comments, reads fine (the latest comments with the detail, the rest by page), search finds its latest
 * comments, and a case published behind it on the same partition is not held up. Before comments had a collection
 * of their own, the case's document passed 16 MB and the partition stalled on it (BsonMaximumSizeExceededException,
 * retried without end).
 */
class GiantCaseIntegrationTest extends QueryIntegrationTest {

    private static final int COMMENTS = 400;
    private static final int COMMENT_CHARACTERS = 50_000;
    private static final Duration GIANT_APPLIED_WITHIN = Duration.ofSeconds(90);

    @Test
    void aCaseWithMoreThan16MbOfCommentsProjectsAndReadsAndTheCasesBehindItAreNotStalled() throws Exception {
        String topic = "giant-" + UUID.randomUUID();
        String database = "giant_" + UUID.randomUUID().toString().replace("-", "");
        try (ConfigurableApplicationContext instance = startInstance(database, topic, temporaryDirectory("giant-index-"),
                Map.of())) {
            GenerationConsumer projection = instance.getBean(Projections.class).live();
            RestClient agent = Callers.as("http://localhost:" + Instances.port(instance), Role.AGENT);

            UUID giant = UUID.randomUUID();
            CaseScript script = new CaseScript(Instant.now().minusSeconds(COMMENTS * 120L));
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            records.add(script.then(opened(giant, "CS-GIANT", script.clock())));
            for (int i = 0; i < COMMENTS; i++) {
                records.add(script.then(new CommentAdded(giant, UUID.randomUUID(), null,
                        i % 2 == 0 ? AuthorType.CUSTOMER : AuthorType.AGENT, "author-" + i, "Author " + i,
                        i % 10 == 9 ? Visibility.INTERNAL : Visibility.PUBLIC, body(i), List.of())));
            }
            records.add(script.then(new CaseStatusChanged(giant, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
            UUID behind = UUID.randomUUID();
            CaseScript behindScript = new CaseScript(Instant.now());
            records.add(behindScript.then(opened(behind, "CS-BEHIND", behindScript.clock())));
            records.add(behindScript.then(new CaseStatusChanged(behind, CaseStatus.IN_PROGRESS, CaseStatus.NEW)));
            // one partition for all of them: the case behind the giant waits for it if the giant stalls
            List<RecordMetadata> landed = publish(topic, records.stream().map(record -> new ProducerRecord<>(topic, 0,
                    record.key(), record.value(), record.headers())).toList());

            Awaitility.await().atMost(GIANT_APPLIED_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> projection.appliedPositions().getOrDefault(0, 0L) > landed.getLast().offset());

            JsonNode behindView = agent.get().uri("/api/cases/{id}", behind).retrieve().body(JsonNode.class);
            assertThat(behindView.path("status").asText()).isEqualTo("inprogress");
            JsonNode giantView = agent.get().uri("/api/cases/{id}", giant).retrieve().body(JsonNode.class);
            assertThat(giantView.path("status").asText()).isEqualTo("inprogress");
            assertThat(giantView.path("caseNumber").asText()).isEqualTo("CS-GIANT");
            // the detail holds the latest 50 comments, the count, and where the older ones start
            assertThat(giantView.path("commentCount").asInt()).isEqualTo(COMMENTS);
            assertThat(heads(giantView.path("comments"))).containsExactlyElementsOf(range(COMMENTS - 50, COMMENTS));
            assertThat(giantView.path("olderComments").asInt()).isEqualTo(COMMENTS - 50 + 1);

            // paging back from the detail, 200 at a time, gives every comment once, in order
            List<String> thread = new ArrayList<>(heads(giantView.path("comments")));
            Integer before = giantView.path("olderComments").asInt();
            while (before != null) {
                JsonNode page = agent.get().uri("/api/cases/{id}/comments?before={before}&limit=200", giant, before)
                        .retrieve().body(JsonNode.class);
                assertThat(page.path("total").asInt()).isEqualTo(COMMENTS);
                thread.addAll(0, heads(page.path("items")));
                before = page.hasNonNull("older") ? page.path("older").asInt() : null;
            }
            assertThat(thread).containsExactlyElementsOf(range(0, COMMENTS));
            JsonNode forward = agent.get().uri("/api/cases/{id}/comments?after=0&limit=3", giant).retrieve()
                    .body(JsonNode.class);
            assertThat(heads(forward.path("items"))).containsExactly("comment-0", "comment-1", "comment-2");
            assertThat(forward.path("newer").asInt()).isEqualTo(3);
            assertThat(agent.get().uri("/api/cases/{id}/comments?limit=201", giant).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(400);

            // search finds the latest comments' words; older ones fall outside the per-case budget (about 1 MB)
            assertThat(search(agent, "399 ")).containsExactly(giant.toString());
            assertThat(search(agent, "5 ")).isEmpty();
        }
    }

    private static List<String> search(RestClient caller, String text) {
        JsonNode page = caller.get().uri("/api/cases?q={q}", text).retrieve().body(JsonNode.class);
        return page.path("items").findValuesAsText("caseId");
    }

    /** Each comment's first word ("comment-<n>"), in the order given. */
    private static List<String> heads(JsonNode comments) {
        List<String> heads = new ArrayList<>();
        comments.forEach(comment -> heads.add(comment.path("body").asText().substring(0,
                comment.path("body").asText().indexOf(' '))));
        return heads;
    }

    private static List<String> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> "comment-" + i).toList();
    }

    private static CaseOpened opened(UUID caseId, String number, Instant at) {
        return new CaseOpened(caseId, number, new Customer("giant-customer", "Giant Customer", "giant@example.com",
                Tier.STANDARD), "A very long conversation", "It goes on", Channel.WEB, null, null, null, List.of(), at);
    }

    /** 50,000 characters that say which comment they are, so that a page can be checked by its bodies. */
    static String body(int index) {
        String head = "comment-" + index + " ";
        return head + "x".repeat(COMMENT_CHARACTERS - head.length());
    }
}
