package org.casestream.query.cases;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a case stands against its SLA at a given instant. Breached: a breach was recorded, or a due time that
 * still applies has passed. At risk: open, not breached, and the next due time falls within the window.
 */
public enum SlaState {
    NONE("none"), OK("ok"), AT_RISK("at-risk"), BREACHED("breached"), MET("met");

    private final String wire;

    SlaState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static SlaState of(CaseView view, Instant now, Duration atRiskWindow) {
        return CaseSummary.of(view).at(now, atRiskWindow).slaState();
    }

    /** The earliest due time that still applies to an open case: first response (until it came), resolution. */
    public static Instant nextDue(CaseView view) {
        if (!view.open()) {
            return null;
        }
        Instant firstResponse = view.sla().firstRespondedAt() == null ? view.sla().firstResponseDue() : null;
        Instant resolution = view.sla().resolutionDue();
        if (firstResponse == null) {
            return resolution;
        }
        return resolution == null || firstResponse.isBefore(resolution) ? firstResponse : resolution;
    }
}
