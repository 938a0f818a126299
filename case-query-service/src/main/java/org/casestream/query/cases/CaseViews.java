package org.casestream.query.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.events.json.EventJson;

/** Case views in MongoDB, one document per case under its id: read and written by that key only. */
public class CaseViews {

    public static final String COLLECTION = "case_views";

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    public CaseViews(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public CaseViews(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
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

    /** One single-document upsert: the whole view replaces the stored one. */
    public void save(CaseView view) {
        collection.replaceOne(Filters.eq("_id", view.caseId().toString()), write(view),
                new ReplaceOptions().upsert(true));
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
                .map(view -> new ReplaceOneModel<>(Filters.eq("_id", view.caseId().toString()), write(view),
                        new ReplaceOptions().upsert(true)))
                .toList();
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
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
