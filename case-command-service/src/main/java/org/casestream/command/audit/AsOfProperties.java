package org.casestream.command.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reads of the past ({@code casestream.as-of.*}): {@code slaAtRiskWindow}, how soon before its due time an open case
 * counts as at risk (the query side's {@code casestream.query.sla-at-risk-window}: both read
 * {@code CASESTREAM_SLA_AT_RISK_WINDOW}, so the dashboard as of now and the live one agree). {@code maxAge}: how far
 * back the dashboard may be asked for. A fold costs what the log up to the instant holds, so going further back never
 * costs more; the bound only keeps instants sane (year 1 or 10,000 BC would pass ISO-8601 and fail PostgreSQL).
 */
@ConfigurationProperties("casestream.as-of")
public record AsOfProperties(Duration slaAtRiskWindow, Duration maxAge) {

    public AsOfProperties {
        slaAtRiskWindow = slaAtRiskWindow == null ? Duration.ofHours(1) : slaAtRiskWindow;
        maxAge = maxAge == null ? Duration.ofDays(1096) : maxAge;
    }
}
