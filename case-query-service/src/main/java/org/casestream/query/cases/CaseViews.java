package org.casestream.query.cases;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.events.json.EventJson;
import org.springframework.stereotype.Repository;

/** Case views in MongoDB, one document per case under its id: read and written by that key only. */
@Repository
public class CaseViews {

    public static final String COLLECTION = "case_views";

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    public CaseViews(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public Optional<CaseView> find(UUID caseId) {
        Document document = collection.find(Filters.eq("_id", caseId.toString())).first();
        return Optional.ofNullable(document).map(this::read);
    }

    /** One single-document upsert: the whole view replaces the stored one. */
    public void save(CaseView view) {
        collection.replaceOne(Filters.eq("_id", view.caseId().toString()), write(view),
                new ReplaceOptions().upsert(true));
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
