package org.casestream.query.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.casestream.events.json.EventJson;

/**
 * The comment threads of the case views, one MongoDB document per comment under its id, so that a case's document
 * stays bounded however long its thread grows (MongoDB refuses documents over 16 MB). Each comment has its place in
 * its case's thread twice: among all comments ({@code slot}: case id and position 1..n) and among the public ones
 * ({@code publicSlot}; an internal note's is its own id, never asked for). Both are unique keys, so a page of a
 * thread is fetched by key, never by a query the local wire server would answer with a scan of every comment.
 * A comment is written once: the same comment again changes nothing.
 */
public class CaseComments {

    public static final String COLLECTION = "case_comments";
    private static final int SLOTS_PER_QUERY = 512;
    private static final int FIRST_TEXT_ROUND = 16;

    /**
     * A comment in its place: its {@code position} among the case's comments, its {@code publicPosition} among the
     * public ones (null for an internal note), and the sequence of the event that added it (-1 when not known).
     */
    public record Numbered(UUID caseId, int position, Integer publicPosition, long sequence, CommentView comment) {
    }

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public CaseComments(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
        collection.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).name("slot"));
        collection.createIndex(Indexes.ascending("publicSlot"), new IndexOptions().unique(true).name("publicSlot"));
    }

    /** For each of these comments that is stored: the sequence of the event that added it. */
    public Map<UUID, Long> sequences(Collection<UUID> commentIds) {
        Map<UUID, Long> found = new HashMap<>();
        if (commentIds.isEmpty()) {
            return found;
        }
        collection.find(Filters.in("_id", commentIds.stream().map(UUID::toString).toList()))
                .projection(new Document("sequence", 1))
                .forEach(document -> found.put(UUID.fromString(document.getString("_id")),
                        ((Number) document.get("sequence")).longValue()));
        return found;
    }

    /** Stores each comment unless it is there already (one upsert each, in one unordered bulk write). */
    public void saveAll(Collection<Numbered> comments) {
        if (comments.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = comments.stream()
                .map(numbered -> new UpdateOneModel<Document>(Filters.eq("_id", numbered.comment().commentId().toString()),
                        new Document("$setOnInsert", write(numbered)), new UpdateOptions().upsert(true)))
                .toList();
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * A page of the case's thread, oldest first, in the numbering the caller sees ({@code withNotes}: every comment;
     * otherwise the public ones only): after position {@code after}, or before position {@code before}, or else the
     * latest; at most {@code limit} comments.
     */
    public CommentPage page(CaseView view, boolean withNotes, Integer before, Integer after, int limit) {
        int total = withNotes ? view.commentCount() : view.commentCount() - view.internalNoteCount();
        int from;
        int to;
        if (after != null) {
            from = after + 1;
            to = Math.min(total, after + limit);
        } else if (before != null) {
            to = Math.min(before - 1, total);
            from = Math.max(1, to - limit + 1);
        } else {
            to = total;
            from = Math.max(1, total - limit + 1);
        }
        List<CommentView> items = new ArrayList<>();
        if (from <= to) {
            String field = withNotes ? "slot" : "publicSlot";
            List<String> slots = new ArrayList<>();
            for (int position = from; position <= to; position++) {
                slots.add(withNotes ? slot(view.caseId(), position) : publicSlot(view.caseId(), position));
            }
            String positionField = withNotes ? "position" : "publicPosition";
            List<Document> found = collection.find(Filters.in(field, slots)).into(new ArrayList<>());
            found.sort(Comparator.comparingInt(document -> document.getInteger(positionField)));
            found.forEach(document -> items.add(read(document)));
        }
        Integer older = from > 1 ? Math.min(from, total + 1) : null;
        Integer newer = to < total ? Math.max(to, 0) : null;
        return new CommentPage(items, total, older, newer);
    }

    /**
     * The text search indexes of each case's comments: its latest comments, newest first, up to {@code budget}
     * characters (the comment that reaches it cut there), so that indexing a case costs the same however long its
     * thread is. {@code fresh} are comments just added (each case's newest, oldest first), taken as they are;
     * older ones are read by key, a few at a time, only while a case's budget is not spent.
     */
    public Map<UUID, String> searchText(Collection<CaseView> views, Map<UUID, List<CommentView>> fresh, int budget) {
        Map<UUID, StringBuilder> texts = new HashMap<>();
        Map<UUID, Integer> nextOlder = new HashMap<>();
        for (CaseView view : views) {
            if (view.commentCount() == 0) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            texts.put(view.caseId(), text);
            List<CommentView> added = fresh.getOrDefault(view.caseId(), List.of());
            for (int i = added.size() - 1; i >= 0 && text.length() < budget; i--) {
                append(text, added.get(i).body(), budget);
            }
            int older = view.commentCount() - added.size();
            if (older >= 1 && text.length() < budget) {
                nextOlder.put(view.caseId(), older);
            }
        }
        int round = FIRST_TEXT_ROUND;
        while (!nextOlder.isEmpty()) {
            Map<String, UUID> slots = new HashMap<>();
            Map<UUID, Integer> asked = new HashMap<>();
            for (Map.Entry<UUID, Integer> entry : nextOlder.entrySet()) {
                int newest = entry.getValue();
                int oldest = Math.max(1, newest - round + 1);
                for (int position = newest; position >= oldest && slots.size() < SLOTS_PER_QUERY; position--) {
                    slots.put(slot(entry.getKey(), position), entry.getKey());
                    asked.put(entry.getKey(), position);
                }
            }
            List<Document> found = collection.find(Filters.in("slot", List.copyOf(slots.keySet())))
                    .into(new ArrayList<>());
            found.sort(Comparator.comparingInt((Document document) -> document.getInteger("position")).reversed());
            for (Document document : found) {
                UUID caseId = slots.get(document.getString("slot"));
                StringBuilder text = texts.get(caseId);
                if (text.length() < budget) {
                    append(text, read(document).body(), budget);
                }
            }
            Map<UUID, Integer> next = new HashMap<>();
            asked.forEach((caseId, oldestAsked) -> {
                if (oldestAsked > 1 && texts.get(caseId).length() < budget) {
                    next.put(caseId, oldestAsked - 1);
                }
            });
            nextOlder.keySet().stream().filter(caseId -> !asked.containsKey(caseId))
                    .forEach(caseId -> next.put(caseId, nextOlder.get(caseId)));
            nextOlder.clear();
            nextOlder.putAll(next);
            round = Math.min(round * 2, SLOTS_PER_QUERY);
        }
        Map<UUID, String> result = new HashMap<>();
        texts.forEach((caseId, text) -> result.put(caseId, text.toString()));
        return result;
    }

    private static void append(StringBuilder text, String body, int budget) {
        if (body == null) {
            return;
        }
        int room = budget - text.length();
        text.append(body, 0, Math.min(body.length(), Math.max(0, room - 1))).append('\n');
    }

    static String slot(UUID caseId, int position) {
        return caseId + "/" + position;
    }

    static String publicSlot(UUID caseId, int publicPosition) {
        return caseId + "/public/" + publicPosition;
    }

    private Document write(Numbered numbered) {
        CommentView comment = numbered.comment();
        try {
            Document document = new Document("caseId", numbered.caseId().toString())
                    .append("position", numbered.position())
                    .append("slot", slot(numbered.caseId(), numbered.position()))
                    .append("publicSlot", numbered.publicPosition() == null
                            ? numbered.caseId() + "/note/" + comment.commentId()
                            : publicSlot(numbered.caseId(), numbered.publicPosition()))
                    .append("sequence", numbered.sequence())
                    .append("comment", Document.parse(mapper.writeValueAsString(comment)));
            if (numbered.publicPosition() != null) {
                document.append("publicPosition", numbered.publicPosition());
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("comment not writable as JSON", e);
        }
    }

    private CommentView read(Document document) {
        try {
            return mapper.readValue(document.get("comment", Document.class).toJson(), CommentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored comment not readable", e);
        }
    }
}
