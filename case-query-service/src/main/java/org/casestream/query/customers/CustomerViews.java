package org.casestream.query.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.casestream.events.json.EventJson;

/** Customers in MongoDB, one document per record, with a lower-case text to find them by. */
public class CustomerViews {

    public static final String COLLECTION = "customer_views";
    private static final String SEARCH = "search";

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = EventJson.mapper();

    /** The store of one generation of the read models: its collection's name ends with {@code suffix}. */
    public CustomerViews(MongoDatabase database, String suffix) {
        this.collection = database.getCollection(COLLECTION + suffix);
    }

    public Optional<CustomerView> find(String customerId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", customerId)).first()).map(this::read);
    }

    /** The record, or the one it was merged into (and on, if that was merged too). */
    public Optional<CustomerView> current(String customerId) {
        Optional<CustomerView> view = find(customerId);
        for (int hops = 0; view.isPresent() && view.get().mergedInto() != null && hops < 10; hops++) {
            view = find(view.get().mergedInto());
        }
        return view;
    }

    /** The ids a customer's cases carry: theirs and those of the records merged into them. */
    public List<String> caseCustomerIds(String customerId) {
        return current(customerId).map(CustomerView::caseCustomerIds).orElse(List.of(customerId));
    }

    /** Records not merged away whose name, organisation or an address contains the text, by name. */
    public List<CustomerView> search(String text, int limit) {
        List<CustomerView> found = new ArrayList<>();
        collection.find(Filters.and(Filters.regex(SEARCH, Pattern.quote(text.toLowerCase(java.util.Locale.ROOT))),
                        Filters.eq("mergedInto", null)))
                .sort(Sorts.ascending("name")).limit(limit).forEach(document -> found.add(read(document)));
        return found;
    }

    public void save(CustomerView view) {
        try {
            Document document = Document.parse(mapper.writeValueAsString(view));
            document.put("_id", view.customerId());
            document.put(SEARCH, view.searchText());
            // only forward, as case views: another instance may have written a later one meanwhile
            collection.replaceOne(Filters.and(Filters.eq("_id", view.customerId()),
                    Filters.lte("lastSequence", view.lastSequence())), document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer view not writable as JSON", e);
        }
    }

    private CustomerView read(Document document) {
        document.remove(SEARCH);
        document.remove("_id");
        try {
            return mapper.readValue(document.toJson(), CustomerView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer view not readable", e);
        }
    }
}
