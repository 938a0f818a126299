package org.casestream.query.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.lucene.search.Sort;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.util.MultiValueMap;

/**
 * A list request's parameters, checked: each filter may be repeated or comma-separated (values of one filter
 * combine with OR, filters with AND), enum values use their wire names, {@code assignee=none} finds unassigned
 * cases. Every bad parameter is named in one 400.
 */
public record ListRequest(CaseQuery query, Sort sort, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 200;
    /** Caps on one filter: how many values it may list and how long each may be (a tag is at most 50). */
    public static final int MAX_VALUES = 100;
    public static final int MAX_VALUE_LENGTH = 100;

    public static ListRequest parse(MultiValueMap<String, String> parameters) {
        return parse(parameters, Map.of());
    }

    /** {@code fixed} filters (a customer's id from the path) are added to whatever the parameters ask. */
    public static ListRequest parse(MultiValueMap<String, String> parameters, Map<String, List<String>> fixed) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> terms = new LinkedHashMap<>();
        keyword(parameters, "status", value -> CaseStatus.of(value).wire(), terms, errors);
        keyword(parameters, "priority", value -> Priority.of(value).wire(), terms, errors);
        keyword(parameters, "queue", value -> Queue.of(value).wire(), terms, errors);
        keyword(parameters, "channel", value -> Channel.of(value).wire(), terms, errors);
        keyword(parameters, "tier", value -> Tier.of(value).wire(), terms, errors);
        keyword(parameters, "assignee", value -> CaseIndex.UNASSIGNED.equals(value) ? value : UUID.fromString(value).toString(),
                terms, errors);
        keyword(parameters, "tag", value -> value, terms, errors);
        terms.putAll(fixed);
        Instant from = instant(parameters, "createdFrom", errors);
        Instant to = instant(parameters, "createdTo", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("createdTo", "must be after createdFrom"));
        }
        Sort sort = CaseSort.parse(parameters.getFirst("sort")).orElse(null);
        if (sort == null) {
            errors.add(new FieldError("sort", "must be one of " + CaseSort.names() + ", each optionally with a leading '-'"));
        }
        int limit = DEFAULT_LIMIT;
        String limitValue = parameters.getFirst("limit");
        if (limitValue != null) {
            try {
                limit = Integer.parseInt(limitValue.trim());
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number"));
            }
        }
        String text = parameters.getFirst("q");
        if (text != null && text.length() > 500) {
            errors.add(new FieldError("q", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        String cursor = parameters.getFirst("cursor");
        return new ListRequest(new CaseQuery(terms, from, to, text, null), sort, limit,
                cursor == null || cursor.isBlank() ? null : cursor);
    }

    private static void keyword(MultiValueMap<String, String> parameters, String name, Function<String, String> check,
                                Map<String, List<String>> terms, List<FieldError> errors) {
        List<String> raw = parameters.get(name);
        if (raw == null) {
            return;
        }
        List<String> given = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
        if (given.size() > MAX_VALUES) {
            errors.add(new FieldError(name, "at most " + MAX_VALUES + " values"));
            return;
        }
        List<String> values = new ArrayList<>();
        for (String value : given) {
            if (value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(name, "each value is at most " + MAX_VALUE_LENGTH + " characters"));
                return;
            }
            try {
                values.add(check.apply(value));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, "unknown value '" + value + "'"));
                return;
            }
        }
        if (!values.isEmpty()) {
            terms.put(name, values);
        }
    }

    private static Instant instant(MultiValueMap<String, String> parameters, String name, List<FieldError> errors) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z"));
            return null;
        }
    }
}
