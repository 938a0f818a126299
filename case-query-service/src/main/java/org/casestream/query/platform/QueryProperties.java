package org.casestream.query.platform;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.casestream.events.Topics;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The query side's settings ({@code casestream.query.*} in application.yml), checked at start.
 *
 * @param slaAtRiskWindow an open case whose next SLA due time falls within this window from now is at risk
 * @param generationPoll how often an instance reads which generation of the read models is active, to follow a
 *                       rebuild another instance switched
 * @param generationDropGrace how long a replaced generation stays after a switch, so that requests that began on it
 *                            finish; its collections also stay while any live instance still serves it
 * @param instanceTimeout an instance that has not reported the generation it serves for this long counts as gone
 *                        (crashed), and neither holds a generation nor a rebuild any more
 * @param partitionRefresh how often the projection looks for partitions added to the topic
 * @param comments how much of a case's thread a read returns and search indexes
 */
@ConfigurationProperties("casestream.query")
@Validated
public record QueryProperties(@NotBlank String topic, @NotBlank String consumerGroup, Path indexDirectory,
                              @DurationMin(millis = 1) Duration indexCommitInterval,
                              @DurationMin(millis = 1) Duration slaAtRiskWindow, @Valid Stream stream,
                              @Positive Integer maxPollRecords, @Positive Integer topicPartitions,
                              @DurationMin(millis = 1) Duration generationPoll, Duration generationDropGrace,
                              @DurationMin(millis = 1) Duration instanceTimeout,
                              @DurationMin(millis = 1) Duration partitionRefresh, @Valid Comments comments) {

    public QueryProperties {
        topic = topic == null ? Topics.CASE_EVENTS : topic;
        consumerGroup = consumerGroup == null ? "case-query-projection" : consumerGroup;
        indexDirectory = indexDirectory == null ? Path.of(".casestream", "query-index") : indexDirectory;
        indexCommitInterval = indexCommitInterval == null ? Duration.ofSeconds(2) : indexCommitInterval;
        slaAtRiskWindow = slaAtRiskWindow == null ? Duration.ofHours(1) : slaAtRiskWindow;
        stream = stream == null ? new Stream(null, null) : stream;
        maxPollRecords = maxPollRecords == null ? 500 : maxPollRecords;
        // as many as the command service creates, for when this service starts first
        topicPartitions = topicPartitions == null ? Topics.CASE_EVENTS_PARTITIONS : topicPartitions;
        generationPoll = generationPoll == null ? Duration.ofSeconds(2) : generationPoll;
        generationDropGrace = generationDropGrace == null ? Duration.ofSeconds(30) : generationDropGrace;
        instanceTimeout = instanceTimeout == null ? Duration.ofSeconds(30) : instanceTimeout;
        partitionRefresh = partitionRefresh == null ? Duration.ofSeconds(30) : partitionRefresh;
        comments = comments == null ? new Comments(null, null, null) : comments;
    }

    /**
     * @param latest           how many of its latest comments a case's detail holds (older ones come by page)
     * @param pageMax          the most comments one page of a thread may ask for
     * @param searchCharacters how much of a case's comment text search indexes: its latest comments up to this many
     *                         characters, so that indexing a case with a long thread costs no more than a short one
     */
    public record Comments(@Positive Integer latest, @Positive Integer pageMax, @Positive Integer searchCharacters) {

        public Comments {
            latest = latest == null ? 50 : latest;
            pageMax = pageMax == null ? 200 : pageMax;
            searchCharacters = searchCharacters == null ? 1_048_576 : searchCharacters;
        }
    }

    /** @param resumeBuffer how many recent events a reconnecting client can resume from */
    public record Stream(@DurationMin(millis = 1) Duration heartbeat, @Positive Integer resumeBuffer) {

        public Stream {
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
            resumeBuffer = resumeBuffer == null ? 2048 : resumeBuffer;
        }
    }
}
