package org.casestream.query.saved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.casestream.events.json.EventJson;
import org.springframework.stereotype.Repository;

/**
 * Each user's saved searches as one document under the user's id: read and written by that key only, so a user's
 * list never needs a query the local MongoDB server would answer by scanning.
 */
@Repository
public class SavedSearches {

    public static final String COLLECTION = "saved_searches";

    /** A named list query: the list's parameters, as the case list takes them. */
    public record SavedSearch(String name, Map<String, List<String>> parameters, Instant savedAt) {
    }

    record UserSearches(String user, List<SavedSearch> searches) {
    }

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    public SavedSearches(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public List<SavedSearch> of(String user) {
        Document document = collection.find(Filters.eq("_id", user)).first();
        if (document == null) {
            return List.of();
        }
        try {
            return mapper.readValue(document.toJson(), UserSearches.class).searches();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored saved searches not readable", e);
        }
    }

    public void save(String user, SavedSearch search) {
        List<SavedSearch> searches = new ArrayList<>(of(user));
        searches.removeIf(existing -> existing.name().equals(search.name()));
        searches.add(search);
        searches.sort(Comparator.comparing(SavedSearch::name));
        write(user, searches);
    }

    public boolean delete(String user, String name) {
        List<SavedSearch> searches = new ArrayList<>(of(user));
        boolean removed = searches.removeIf(existing -> existing.name().equals(name));
        if (removed) {
            write(user, searches);
        }
        return removed;
    }

    private void write(String user, List<SavedSearch> searches) {
        try {
            Document document = Document.parse(mapper.writeValueAsString(new UserSearches(user, searches)));
            document.put("_id", user);
            collection.replaceOne(Filters.eq("_id", user), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved searches not writable", e);
        }
    }
}
