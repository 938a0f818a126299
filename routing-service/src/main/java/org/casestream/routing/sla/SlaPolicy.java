package org.casestream.routing.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casestream.events.Priority;
import org.casestream.events.Tier;

/** The SLA matrix: due times for a case from when it opened, its priority and its customer's tier. */
public final class SlaPolicy {

    private final Map<String, SlaTerms> terms;
    private final Map<String, BusinessCalendar> calendars;

    public SlaPolicy(Collection<SlaTerms> terms, Collection<BusinessCalendar> calendars) {
        this.terms = terms.stream().collect(Collectors.toMap(t -> key(t.priority(), t.tier()), Function.identity()));
        this.calendars = calendars.stream().collect(Collectors.toMap(BusinessCalendar::name, Function.identity()));
    }

    /** Empty when the matrix has no cell for this priority and tier (then no SLA is set). */
    public Optional<SlaDue> due(Instant openedAt, Priority priority, Tier tier) {
        SlaTerms cell = terms.get(key(priority, tier));
        if (cell == null) {
            return Optional.empty();
        }
        BusinessCalendar calendar = cell.calendar() == null ? null : calendars.get(cell.calendar());
        if (cell.calendar() != null && calendar == null) {
            throw new IllegalStateException("SLA policy " + cell.policyName() + " names an unknown calendar");
        }
        Instant firstResponse = calendar == null ? openedAt.plus(cell.firstResponse())
                : calendar.plus(openedAt, cell.firstResponse());
        Instant resolution = calendar == null ? openedAt.plus(cell.resolution())
                : calendar.plus(openedAt, cell.resolution());
        return Optional.of(new SlaDue(firstResponse, resolution, cell.policyName()));
    }

    private static String key(Priority priority, Tier tier) {
        return priority.wire() + "/" + tier.wire();
    }
}
