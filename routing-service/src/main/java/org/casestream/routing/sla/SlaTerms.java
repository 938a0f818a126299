package org.casestream.routing.sla;

import java.time.Duration;
import java.util.Objects;

import org.casestream.events.Priority;
import org.casestream.events.Tier;

/** One cell of the SLA matrix: targets for a priority × tier, counted on a calendar or round the clock (null). */
public record SlaTerms(Priority priority, Tier tier, Duration firstResponse, Duration resolution, String calendar) {

    public SlaTerms {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        if (firstResponse.compareTo(resolution) > 0) {
            throw new IllegalArgumentException("the first response cannot be due after the resolution");
        }
    }

    /** The policy name carried by SlaTargetsSet, for instance {@code high/gold@office}. */
    public String policyName() {
        return priority.wire() + "/" + tier.wire() + (calendar == null ? "" : "@" + calendar);
    }
}
