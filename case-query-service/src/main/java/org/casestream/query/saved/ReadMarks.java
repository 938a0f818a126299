package org.casestream.query.saved;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * When each user last read each case: what makes a case "unread" in their own list when the customer has written
 * since. One document per user and case, read and written by its key only (a list of the user's cases looks up
 * exactly those keys), so it never needs a scan. A user's state, not a read model: a rebuild leaves it alone.
 */
@Repository
public class ReadMarks {

    public static final String COLLECTION = "read_marks";

    private final MongoCollection<Document> collection;

    public ReadMarks(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** {@code user} has read {@code caseId} as it was at {@code at}; an earlier mark never replaces a later one. */
    public void read(String user, UUID caseId, Instant at) {
        String key = key(user, caseId);
        Document mark = new Document("_id", key).append("user", user).append("caseId", caseId.toString())
                .append("readAt", Date.from(at));
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", key), Filters.lt("readAt", Date.from(at))), mark,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a later mark is there already: it stays
        }
    }

    /** When {@code user} last read each of {@code caseIds}; a case they never opened is absent. */
    public Map<UUID, Instant> of(String user, Collection<UUID> caseIds) {
        Map<UUID, Instant> marks = new HashMap<>();
        if (caseIds.isEmpty()) {
            return marks;
        }
        List<String> keys = caseIds.stream().map(caseId -> key(user, caseId)).toList();
        collection.find(Filters.in("_id", keys)).forEach(document -> marks.put(
                UUID.fromString(document.getString("caseId")), document.getDate("readAt").toInstant()));
        return marks;
    }

    private static String key(String user, UUID caseId) {
        return user + "|" + caseId;
    }
}
