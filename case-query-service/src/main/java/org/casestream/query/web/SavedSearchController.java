package org.casestream.query.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.casestream.query.search.ListRequest;
import org.casestream.support.security.Caller;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.saved.SavedSearches;

/** The caller's own saved searches; the parameters are checked exactly as the case list checks them. */
@RestController
public class SavedSearchController {

    private final SavedSearches searches;

    public SavedSearchController(SavedSearches searches) {
        this.searches = searches;
    }

    public record SaveRequest(@NotNull Map<String, List<String>> parameters) {
    }

    @Operation(summary = "The caller's saved searches")
    @GetMapping("/api/saved-searches")
    public List<SavedSearches.SavedSearch> mine() {
        return searches.of(Caller.current().subject());
    }

    @Operation(summary = "Save (or replace) a named search: the case list's parameters")
    @PutMapping("/api/saved-searches/{name}")
    public SavedSearches.SavedSearch save(
            @PathVariable @Pattern(regexp = "[\\p{L}\\p{N} _.-]{1,80}", message = "1 to 80 letters, digits, spaces, '_', '.' or '-'") String name,
            @Valid @RequestBody SaveRequest request) {
        Map<String, List<String>> parameters = request.parameters();
        // the same checks as GET /api/cases: a saved search that would fail there is refused here
        ListRequest.parse(new LinkedMultiValueMap<>(parameters));
        SavedSearches.SavedSearch search = new SavedSearches.SavedSearch(name, parameters, Instant.now());
        searches.save(Caller.current().subject(), search);
        return search;
    }

    @Operation(operationId = "deleteSavedSearch", summary = "Forget a saved search")
    @DeleteMapping("/api/saved-searches/{name}")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        if (!searches.delete(Caller.current().subject(), name)) {
            throw new NotFound("no saved search " + name);
        }
        return ResponseEntity.noContent().build();
    }
}
