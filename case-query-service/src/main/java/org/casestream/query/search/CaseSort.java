package org.casestream.query.search;

import java.util.Optional;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The orders a list can take ({@code sort=createdAt}, {@code sort=-createdAt} for descending, and so on). Every
 * order ends with the case id, so that paging with searchAfter never skips or repeats a case.
 * {@code priority} ascending is the most urgent first; {@code slaDue} ascending is the soonest due first, cases
 * without a due time last.
 */
public enum CaseSort {
    CREATED_AT("createdAt", CaseIndex.CREATED_AT),
    UPDATED_AT("updatedAt", CaseIndex.UPDATED_AT),
    PRIORITY("priority", CaseIndex.PRIORITY_RANK),
    CASE_NUMBER("caseNumber", CaseIndex.CASE_NUMBER),
    SLA_DUE("slaDue", CaseIndex.NEXT_DUE);

    public static final String DEFAULT = "-createdAt";

    private final String wire;
    private final String field;

    CaseSort(String wire, String field) {
        this.wire = wire;
        this.field = field;
    }

    /** The Lucene sort for a {@code sort} parameter; empty when the parameter names no known order. */
    public static Optional<Sort> parse(String value) {
        String spec = value == null || value.isBlank() ? DEFAULT : value.trim();
        boolean descending = spec.startsWith("-");
        String name = descending || spec.startsWith("+") ? spec.substring(1) : spec;
        for (CaseSort sort : values()) {
            if (sort.wire.equals(name)) {
                SortField primary = new SortField(sort.field, SortField.Type.LONG, descending);
                // a case without the value (no SLA yet) sorts last in either direction
                primary.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
                return Optional.of(new Sort(primary, new SortField(CaseIndex.CASE_ID, SortField.Type.STRING, descending)));
            }
        }
        return Optional.empty();
    }

    public static String names() {
        StringBuilder names = new StringBuilder();
        for (CaseSort sort : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(sort.wire);
        }
        return names.toString();
    }
}
