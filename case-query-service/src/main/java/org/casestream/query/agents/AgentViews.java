package org.casestream.query.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.events.json.EventJson;

/** Agents in MongoDB, one document per agent. A team has tens to hundreds of agents, so listing all is cheap. */
public class AgentViews {

    public static final String COLLECTION = "agent_views";

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    public AgentViews(MongoDatabase database) {
        this(database, "");
    }

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public AgentViews(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
    }

    public Optional<AgentView> find(UUID agentId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", agentId.toString())).first()).map(this::read);
    }

    public List<AgentView> all() {
        List<AgentView> agents = new ArrayList<>();
        collection.find().forEach(document -> agents.add(read(document)));
        return agents;
    }

    public void save(AgentView view) {
        try {
            Document document = Document.parse(mapper.writeValueAsString(view));
            document.put("_id", view.agentId().toString());
            // only forward, as case views: another instance may have written a later one meanwhile
            collection.replaceOne(Filters.and(Filters.eq("_id", view.agentId().toString()),
                    Filters.lte("lastSequence", view.lastSequence())), document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent view not writable as JSON", e);
        }
    }

    private AgentView read(Document document) {
        try {
            return mapper.readValue(document.toJson(), AgentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agent view not readable", e);
        }
    }
}
