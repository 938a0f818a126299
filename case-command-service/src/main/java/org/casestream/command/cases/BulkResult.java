package org.casestream.command.cases;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

/** The answer to a bulk request: one item per case, and how many were applied. */
public record BulkResult(int applied, int failed, List<Item> results) {

    static BulkResult of(List<Item> items) {
        int applied = (int) items.stream().filter(item -> item.status() == HttpStatus.OK.value()).count();
        return new BulkResult(applied, items.size() - applied, items);
    }

    /** One case's outcome: {@code status} is the HTTP status its own request would have had. */
    public record Item(UUID caseId, int status, String detail) {

        static Item applied(UUID caseId) {
            return new Item(caseId, HttpStatus.OK.value(), null);
        }

        static Item failed(UUID caseId, HttpStatus status, String detail) {
            return new Item(caseId, status.value(), detail);
        }
    }
}
