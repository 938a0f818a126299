package org.casestream.query.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.casestream.events.AuthorType;
import org.casestream.events.json.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case views in MongoDB, one document per case under its id: read and written by that key only. Their threads are
 * beside them, in {@link #comments()}.
 */
public class CaseViews {

    public static final String COLLECTION = "case_views";
    private static final Logger LOG = LoggerFactory.getLogger(CaseViews.class);

    private final MongoCollection<Document> collection;
    private final CaseComments comments;
    private final ObjectMapper mapper = EventJson.mapper();

    public CaseViews(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collections' names end with {@code suffix}. */
    public CaseViews(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
        this.comments = new CaseComments(database, suffix);
    }

    /** The cases' comment threads. */
    public CaseComments comments() {
        return comments;
    }

    /**
     * Moves the threads of views written before comments had their own collection (a {@code comments} array in the
     * case's document) there, numbered in the order they had, and leaves the counts in the view. Run when a
     * generation is opened, before its projection writes; a view moved already is not found again.
     *
     * @return how many views were moved
     */
    public int moveInlineThreads() {
        List<String> ids = collection.find(Filters.exists("comments")).projection(new Document("_id", 1))
                .map(document -> document.getString("_id")).into(new java.util.ArrayList<>());
        for (String id : ids) {
            Document document = collection.find(Filters.eq("_id", id)).first();
            if (document == null || !document.containsKey("comments")) {
                continue;
            }
            CaseView view = read(document);
            List<CommentView> thread;
            try {
                thread = mapper.readValue(document.toJson(), InlineThread.class).comments();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored case view not readable", e);
            }
            List<CaseComments.Numbered> numbered = new java.util.ArrayList<>();
            int all = 0;
            int notes = 0;
            java.time.Instant customerAt = null;
            java.time.Instant agentAt = null;
            for (CommentView comment : thread) {
                all++;
                if (comment.internal()) {
                    notes++;
                } else if (comment.authorType() == AuthorType.CUSTOMER) {
                    customerAt = comment.at();
                } else if (comment.authorType() == AuthorType.AGENT) {
                    agentAt = comment.at();
                }
                numbered.add(new CaseComments.Numbered(view.caseId(), all, comment.internal() ? null : all - notes, -1,
                        comment));
            }
            comments.saveAll(numbered);
            save(new CaseView(view.caseId(), view.caseNumber(), view.customer(), view.subject(), view.description(),
                    view.attachments(), view.channel(), view.externalRef(), view.origin(), view.queue(),
                    view.priority(), view.status(), view.assignee(), view.tags(), view.sla(), view.escalationLevel(),
                    view.satisfaction(), all, notes,
                    customerAt, agentAt, view.openedAt(), view.updatedAt(), view.resolvedAt(), view.reopenCount(),
                    view.mergedInto(), view.merged(), view.publicAgentReplies(), view.lastSequence()));
        }
        if (!ids.isEmpty()) {
            LOG.info("Moved the comment threads of {} case views into {}", ids.size(), CaseComments.COLLECTION);
        }
        return ids.size();
    }

    /** The thread of a view written before comments had their own collection. */
    private record InlineThread(List<CommentView> comments) {

        InlineThread {
            comments = comments == null ? List.of() : comments;
        }
    }

    public Optional<CaseView> find(UUID caseId) {
        Document document = collection.find(Filters.eq("_id", caseId.toString())).first();
        return Optional.ofNullable(document).map(this::read);
    }

    /** Several views by their ids in one round trip (an $in on the unique key). */
    public Map<UUID, CaseView> findAll(Collection<UUID> caseIds) {
        Map<UUID, CaseView> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        collection.find(Filters.in("_id", caseIds.stream().map(UUID::toString).toList()))
                .forEach(document -> {
                    CaseView view = read(document);
                    found.put(view.caseId(), view);
                });
        return found;
    }

    /** One single-document upsert: the whole view replaces the stored one, unless that one is newer. */
    public void save(CaseView view) {
        try {
            collection.replaceOne(notNewer(view), write(view), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Many views in one round trip: still one single-document upsert per case (an unordered bulk write, not a
     * transaction), so a crash part-way leaves some views new and some old, each whole and each with its sequence.
     */
    public void saveAll(Collection<CaseView> views) {
        if (views.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = views.stream()
                .map(view -> new ReplaceOneModel<>(notNewer(view), write(view), new ReplaceOptions().upsert(true)))
                .toList();
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /**
     * The stored view of the case unless it is newer than {@code view}: two instances project every event, and
     * one that read the view before the other wrote a later one must not take it back. Its upsert then finds no
     * match and fails on the id that exists (a duplicate key), which means "already newer" and is dropped.
     */
    private static Bson notNewer(CaseView view) {
        return Filters.and(Filters.eq("_id", view.caseId().toString()), Filters.lte("lastSequence", view.lastSequence()));
    }

    private Document write(CaseView view) {
        try {
            Document document = Document.parse(mapper.writeValueAsString(view));
            document.put("_id", view.caseId().toString());
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case view not writable as JSON", e);
        }
    }

    private CaseView read(Document document) {
        try {
            return mapper.readValue(document.toJson(), CaseView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored case view not readable", e);
        }
    }
}
