package org.casestream.command.audit;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard as of an instant. The gateway sends {@code GET /api/dashboard} here when it has {@code asOf} (the
 * live one is the query side's): the figures are folded from the event store, which only this service holds.
 */
@RestController
public class DashboardAsOfController {

    static final String AS_OF = "asOf";

    private final DashboardAsOf dashboard;
    private final AsOfProperties properties;

    public DashboardAsOfController(DashboardAsOf dashboard, AsOfProperties properties) {
        this.dashboard = dashboard;
        this.properties = properties;
    }

    @Operation(summary = "The dashboard as it was at asOf, folded from the event log: counts by status, open by "
            + "priority, queue × status, critical open cases, SLA at risk and breached at that instant, agents' load "
            + "and cases resolved that day, volume per day (UTC). Without asOf the gateway answers with the live "
            + "dashboard of the query service")
    @GetMapping("/api/dashboard")
    public DashboardAsOf.View dashboardAsOf(@Parameter(description = "an instant, e.g. 2026-12-07T10:00:00Z; not in "
            + "the future, nor longer ago than casestream.as-of.max-age (3 years)")
            @RequestParam(name = AS_OF, required = false) String asOf) {
        return dashboard.at(instant(asOf, Instant.now(), properties.maxAge()));
    }

    /**
     * The instant {@code asOf} names; a 400 naming it when it is missing, unreadable, after {@code now} or more than
     * {@code maxAge} before it.
     */
    static Instant instant(String asOf, Instant now, Duration maxAge) {
        if (asOf == null || asOf.isBlank()) {
            throw invalid("is required: an instant such as 2026-12-07T10:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(asOf.strip());
        } catch (DateTimeException e) {
            throw invalid("must be an instant such as 2026-12-07T10:00:00Z");
        }
        if (instant.isAfter(now)) {
            throw invalid("must not be in the future");
        }
        if (instant.isBefore(now.minus(maxAge))) {
            throw invalid("must be at most " + maxAge.toDays() + " days ago");
        }
        return instant;
    }

    private static InvalidRequest invalid(String message) {
        return new InvalidRequest(List.of(new FieldError(AS_OF, message)));
    }
}
