package org.casestream.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;

/**
 * What to list: for each keyword field the values any of which may match (fields combine with AND), a creation
 * range, words to find, and optionally one more Lucene query (the SLA board's time-dependent conditions).
 */
public record CaseQuery(Map<String, List<String>> terms, Instant createdFrom, Instant createdTo, String text,
                        Query extra) {

    public CaseQuery {
        terms = terms == null ? Map.of() : Map.copyOf(terms);
    }

    public static CaseQuery of(Map<String, List<String>> terms) {
        return new CaseQuery(terms, null, null, null, null);
    }
}
