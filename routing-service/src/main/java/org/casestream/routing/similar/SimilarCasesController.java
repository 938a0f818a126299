package org.casestream.routing.similar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casestream.routing.classification.SemanticClassifier;
import org.casestream.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases like this one, by the same sentence embeddings the classifier uses: the nearest open and recent cases
 * (an agent sees how a similar one was answered, or that many customers report the same thing), and the same
 * customer's cases of the same day that say the same thing (suggested for merging).
 */
@RestController
public class SimilarCasesController {

    /** How alike two texts must be for the same customer's two cases to look like one request sent twice. */
    static final double DUPLICATE_SIMILARITY = 0.8;
    /** Below this, a case is not shown as similar at all. */
    static final double SIMILAR_SIMILARITY = 0.45;
    static final Duration RECENT = Duration.ofDays(30);
    static final Duration SAME_DAY = Duration.ofHours(24);
    static final int COMPARED = 5_000;
    static final int SHOWN = 5;

    public record SimilarCase(UUID caseId, String caseNumber, String subject, String queue, String status,
                              Instant openedAt, double similarity) {
    }

    public record SimilarCases(UUID caseId, List<SimilarCase> similar, List<SimilarCase> possibleDuplicates) {
    }

    private final CaseVectors vectors;
    private final Clock clock;

    public SimilarCasesController(CaseVectors vectors, Clock clock) {
        this.vectors = vectors;
        this.clock = clock;
    }

    @Operation(summary = "Open and recent cases most like this one, and the same customer's likely duplicates")
    @GetMapping("/api/routing/similar/{caseId}")
    public SimilarCases similar(@PathVariable UUID caseId) {
        CaseVectors.Candidate self = vectors.find(caseId)
                .orElseThrow(() -> new NotFound("Routing has no embedding of case " + caseId + " (not triaged yet)"));
        List<SimilarCase> similar = ranked(self, vectors.candidates(caseId, clock.instant().minus(RECENT), COMPARED),
                SIMILAR_SIMILARITY);
        List<SimilarCase> duplicates = ranked(self, vectors.ofCustomer(self.customerId(), caseId,
                self.openedAt().minus(SAME_DAY), self.openedAt().plus(SAME_DAY)), DUPLICATE_SIMILARITY);
        return new SimilarCases(caseId, similar, duplicates);
    }

    private static List<SimilarCase> ranked(CaseVectors.Candidate self, List<CaseVectors.Candidate> candidates,
            double floor) {
        return candidates.stream()
                .map(other -> new SimilarCase(other.caseId(), other.caseNumber(), other.subject(), other.queue(),
                        other.status(), other.openedAt(),
                        Math.round(SemanticClassifier.dot(self.vector(), other.vector()) * 1000) / 1000.0))
                .filter(similar -> similar.similarity() >= floor)
                .sorted(Comparator.comparingDouble(SimilarCase::similarity).reversed())
                .limit(SHOWN)
                .toList();
    }
}
