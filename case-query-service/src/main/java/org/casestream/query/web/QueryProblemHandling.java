package org.casestream.query.web;

import java.time.Duration;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.casestream.query.rebuild.ParkedEvents;
import org.casestream.query.search.CaseIndex;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.Problems;
import org.casestream.support.web.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own problems; everything else goes to the shared ProblemHandling. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandling.class);

    /** MongoDB is away: the driver gives up after its 2 s server selection timeout (MongoConfiguration). */
    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<ProblemDetail> mongoAway(MongoException away) {
        log.warn("MongoDB not reachable: {}", Redacted.causes(away));
        return Problems.dependencyUnavailable("The read models' database", Duration.ofSeconds(5));
    }

    /** The broker is away or slow while ops list or retry parked events: its client gave up (10 s). */
    @ExceptionHandler({org.apache.kafka.common.errors.TimeoutException.class,
            org.apache.kafka.common.errors.DisconnectException.class})
    ResponseEntity<ProblemDetail> kafkaAway(org.apache.kafka.common.KafkaException away) {
        log.warn("Kafka not reachable: {}", Redacted.causes(away));
        return Problems.dependencyUnavailable("The event broker", Duration.ofSeconds(5));
    }

    /** Parked events are listed through the served projection: not there before it started. */
    @ExceptionHandler(ParkedEvents.NotStarted.class)
    ResponseEntity<ProblemDetail> notStarted(ParkedEvents.NotStarted starting) {
        return Problems.dependencyUnavailable("The projection", Duration.ofSeconds(5));
    }

    @ExceptionHandler(CaseIndex.BadCursor.class)
    ProblemDetail badCursor(CaseIndex.BadCursor bad) {
        return Problems.invalid(List.of(new FieldError("cursor", "not a cursor of this list; start again without one")));
    }
}
