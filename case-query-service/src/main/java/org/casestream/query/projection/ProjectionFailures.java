package org.casestream.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import org.apache.lucene.store.AlreadyClosedException;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonSerializationException;
import org.casestream.query.counters.PartitionedCounters;

/**
 * Whether a failure of the projection passes (a database away or slow, another instance counting at the same time,
 * the index closing under a switch: the consumer tries again, without end) or fails the same way for this event
 * every time (a document past MongoDB's size limit, a stored document that cannot be read, an event the fold
 * rejects: the event is parked, so that what follows it is not held up). Anything not known to be permanent is
 * taken as passing, as before: skipping what could still be applied would lose it.
 */
final class ProjectionFailures {

    /** MongoDB's codes for a document over its size limit (BSONObjectTooLarge, and after an update). */
    private static final Set<Integer> TOO_LARGE = Set.of(10334, 17419, 17420);

    private ProjectionFailures() {
    }

    static boolean permanent(Throwable failure) {
        boolean permanent = false;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (passing(cause)) {
                return false;
            }
            permanent |= reasonOf(cause) != null;
        }
        return permanent;
    }

    /** Why the event cannot be applied, in words that quote none of its content (they go to the dead-letter topic). */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            String reason = reasonOf(cause);
            if (reason != null) {
                return reason;
            }
        }
        return "the projection fails on it";
    }

    private static boolean passing(Throwable cause) {
        return cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                || cause instanceof MongoExecutionTimeoutException || cause instanceof MongoNotPrimaryException
                || cause instanceof MongoNodeIsRecoveringException || cause instanceof MongoInterruptedException
                || cause instanceof MongoConnectionPoolClearedException
                || cause instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError"))
                || cause instanceof PartitionedCounters.ConcurrentCounting
                // Jackson's exceptions are IOExceptions too, but about the data, not the disk
                || cause instanceof IOException && !(cause instanceof JsonProcessingException)
                || cause instanceof UncheckedIOException && !(cause.getCause() instanceof JsonProcessingException)
                || cause instanceof AlreadyClosedException || cause instanceof InterruptedException;
    }

    private static String reasonOf(Throwable cause) {
        if (cause instanceof UnfoldableEvent) {
            return cause.getMessage();
        }
        if (cause instanceof BsonMaximumSizeExceededException) {
            return "a read-model document would pass MongoDB's size limit";
        }
        if (cause instanceof BsonSerializationException) {
            return "a read-model document cannot be written as BSON";
        }
        if (cause instanceof JsonProcessingException) {
            return "a stored read-model document cannot be read, or the new one written, as JSON";
        }
        if (cause instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                .map(BulkWriteError::getCode).anyMatch(TOO_LARGE::contains)
                || cause instanceof MongoServerException server && TOO_LARGE.contains(server.getCode())) {
            return "MongoDB refuses a read-model document as too large";
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
