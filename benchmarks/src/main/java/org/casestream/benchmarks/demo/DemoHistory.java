package org.casestream.benchmarks.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several days of closed cases, as a team moving from another help desk would bring them over with the import API
 * ({@code POST /api/imports/cases}): each with the instants it was opened, answered, written to and resolved, its
 * SLA targets, its agent and often a rating, so the analytics page has history to show. Idempotent per seed: each
 * case's {@code externalRef} is imported once.
 */
final class DemoHistory {

    /** Minutes to first response and to resolution per priority, like the shipped SLA matrix's standard tier. */
    private static final Map<String, long[]> TARGETS = Map.of("critical", new long[] {60, 8 * 60},
            "high", new long[] {4 * 60, 24 * 60}, "medium", new long[] {8 * 60, 72 * 60},
            "low", new long[] {24 * 60, 120 * 60});
    private static final List<String> PRIORITIES = List.of("low", "medium", "medium", "medium", "high", "high",
            "critical");
    private static final List<String> CHANNELS = List.of("email", "web", "chat", "phone");
    private static final List<String> FOLLOW_UPS = List.of("Any news on this?", "Thanks, I tried that.",
            "It happened again this morning.", "Could you check once more?");

    private final DemoData data;
    private final long seed;

    DemoHistory(long seed) {
        this.data = new DemoData(seed * 31 + 7);
        this.seed = seed;
    }

    /** The import bodies: {@code perDay} cases opened on each of the {@code days} days before today. */
    List<Map<String, Object>> cases(int days, int perDay, int customerCount, List<String> agentIds, Instant now) {
        List<DemoData.Customer> customers = data.customers(customerCount);
        List<Map<String, Object>> bodies = new ArrayList<>();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        for (int day = days; day >= 1; day--) {
            for (int i = 0; i < perDay; i++) {
                Instant opened = today.minus(day, ChronoUnit.DAYS).plus(7 * 60 + data.percent() * 6, ChronoUnit.MINUTES);
                bodies.add(closedCase("DEMO-HISTORY-" + seed + "-" + day + "-" + i, data.pick(customers), opened,
                        agentIds, now));
            }
        }
        return bodies;
    }

    private Map<String, Object> closedCase(String externalRef, DemoData.Customer customer, Instant opened,
            List<String> agentIds, Instant now) {
        DemoData.Ticket ticket = data.ticket();
        String priority = data.pick(PRIORITIES);
        long[] targets = TARGETS.get(priority);
        // most answered within their target, some late; resolved within the target three times in four
        Instant answered = opened.plus(Math.max(5, targets[0] * (20 + data.percent()) / 100), ChronoUnit.MINUTES);
        Instant resolved = opened.plus(Math.max(targets[0], targets[1] * (30 + data.percent()) / 100),
                ChronoUnit.MINUTES);
        resolved = min(resolved, now.minus(Duration.ofMinutes(1)));
        answered = min(answered, resolved);
        List<Map<String, Object>> comments = new ArrayList<>();
        comments.add(Map.of("at", answered.toString(), "author", "agent", "authorName", "Support",
                "body", data.reply()));
        if (data.percent() < 40) {
            Instant followUp = answered.plus(Duration.between(answered, resolved).dividedBy(2));
            comments.add(Map.of("at", followUp.toString(), "author", "customer", "body", data.pick(FOLLOW_UPS)));
            comments.add(Map.of("at", followUp.plusSeconds(60).toString(), "author", "agent",
                    "visibility", "internal", "body", data.note()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", externalRef);
        body.put("customer", Map.of("name", customer.name(), "email", customer.email(), "tier", customer.tier()));
        body.put("subject", ticket.subject());
        body.put("description", ticket.description());
        body.put("channel", data.pick(CHANNELS));
        body.put("queue", ticket.queue());
        body.put("priority", priority);
        body.put("openedAt", opened.toString());
        body.put("assignee", data.pick(agentIds));
        body.put("firstResponseDue", opened.plus(targets[0], ChronoUnit.MINUTES).toString());
        body.put("resolutionDue", opened.plus(targets[1], ChronoUnit.MINUTES).toString());
        body.put("comments", comments);
        body.put("resolvedAt", resolved.toString());
        if (data.percent() < 60) {
            int roll = data.percent();
            body.put("rating", roll < 5 ? 1 : roll < 12 ? 2 : roll < 30 ? 3 : roll < 65 ? 4 : 5);
        }
        return body;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
