package org.casestream.routing.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.casestream.events.Queue;
import org.casestream.routing.classification.ClassificationRule;
import org.casestream.routing.priority.PriorityRule;
import org.casestream.routing.sla.SlaTerms;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and replace routing's rules, SLA matrix and calendars; every write is kept with who and when. */
@RestController
public class RoutingConfigController {

    private static final String NAME = "[A-Za-z0-9_-]{1,100}";

    private final RoutingConfigStore config;

    public RoutingConfigController(RoutingConfigStore config) {
        this.config = config;
    }

    @Operation(summary = "The classification rules, in the order they are tried")
    @GetMapping("/api/routing/config/classification-rules")
    public Map<String, List<ClassificationRule>> classificationRules() {
        return Map.of("rules", config.classificationRules());
    }

    @Operation(summary = "Replace the classification rules")
    @PutMapping("/api/routing/config/classification-rules")
    public Map<String, List<ClassificationRule>> replaceClassificationRules(
            @Valid @RequestBody ConfigRequests.ClassificationRules body) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.rules().size(); i++) {
            ConfigRequests.ClassificationRuleBody rule = body.rules().get(i);
            String problem = rule.kind().problemWith(rule.pattern());
            if (problem != null) {
                errors.add(new FieldError("rules[" + i + "].pattern", problem));
            }
            String field = "rules[" + i + "].queue";
            queueProblem(rule.queue()).ifPresent(why -> errors.add(new FieldError(field, why)));
        }
        requireNone(errors);
        List<ClassificationRule> rules = body.rules().stream()
                .map(rule -> new ClassificationRule(0, rule.position(), rule.queue(), rule.kind(), rule.pattern(),
                        Boolean.TRUE.equals(rule.decisive())))
                .toList();
        return Map.of("rules", config.replaceClassificationRules(rules, Caller.current().subject()));
    }

    @Operation(summary = "The priority rules (text, tier, channel); each may only raise a priority")
    @GetMapping("/api/routing/config/priority-rules")
    public Map<String, List<PriorityRule>> priorityRules() {
        return Map.of("rules", config.priorityRules());
    }

    @Operation(summary = "Replace the priority rules")
    @PutMapping("/api/routing/config/priority-rules")
    public Map<String, List<PriorityRule>> replacePriorityRules(@Valid @RequestBody ConfigRequests.PriorityRules body) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.rules().size(); i++) {
            ConfigRequests.PriorityRuleBody rule = body.rules().get(i);
            String problem = PriorityRule.problemWith(rule.kind(), rule.pattern());
            if (problem != null) {
                errors.add(new FieldError("rules[" + i + "].pattern", problem));
            }
        }
        requireNone(errors);
        List<PriorityRule> rules = body.rules().stream()
                .map(rule -> new PriorityRule(0, rule.position(), rule.kind(), rule.pattern(), rule.priority()))
                .toList();
        return Map.of("rules", config.replacePriorityRules(rules, Caller.current().subject()));
    }

    @Operation(summary = "The SLA matrix: priority × tier → first-response and resolution minutes, optional calendar")
    @GetMapping("/api/routing/config/sla-policies")
    public Map<String, List<ConfigRequests.SlaPolicyBody>> slaPolicies() {
        return Map.of("policies", config.slaTerms().stream().map(RoutingConfigController::body).toList());
    }

    @Operation(summary = "Replace the SLA matrix")
    @PutMapping("/api/routing/config/sla-policies")
    public Map<String, List<ConfigRequests.SlaPolicyBody>> replaceSlaPolicies(
            @Valid @RequestBody ConfigRequests.SlaPolicies body) {
        Set<String> calendars = new HashSet<>();
        config.calendars().forEach(calendar -> calendars.add(calendar.name()));
        Set<String> cells = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.policies().size(); i++) {
            ConfigRequests.SlaPolicyBody policy = body.policies().get(i);
            if (!cells.add(policy.priority().wire() + "/" + policy.tier().wire())) {
                errors.add(new FieldError("policies[" + i + "]", "a second policy for " + policy.priority() + " × "
                        + policy.tier()));
            }
            if (policy.firstResponseMinutes() > policy.resolutionMinutes()) {
                errors.add(new FieldError("policies[" + i + "].firstResponseMinutes",
                        "must not be more than resolutionMinutes"));
            }
            if (policy.calendar() != null && !calendars.contains(policy.calendar())) {
                errors.add(new FieldError("policies[" + i + "].calendar", "no such calendar"));
            }
        }
        requireNone(errors);
        List<SlaTerms> terms = body.policies().stream()
                .map(p -> new SlaTerms(p.priority(), p.tier(), Duration.ofMinutes(p.firstResponseMinutes()),
                        Duration.ofMinutes(p.resolutionMinutes()), p.calendar()))
                .toList();
        return Map.of("policies", config.replaceSlaTerms(terms, Caller.current().subject()).stream()
                .map(RoutingConfigController::body).toList());
    }

    @Operation(summary = "Every business-hours calendar")
    @GetMapping("/api/routing/config/calendars")
    public Map<String, List<CalendarDocument>> calendars() {
        return Map.of("calendars", config.calendars());
    }

    @GetMapping("/api/routing/config/calendars/{name}")
    public CalendarDocument calendar(@PathVariable String name) {
        return config.calendar(name).orElseThrow(() -> new NotFound("No calendar " + name));
    }

    @Operation(summary = "Create or replace a calendar: time zone, windows per weekday, holidays")
    @PutMapping("/api/routing/config/calendars/{name}")
    public CalendarDocument putCalendar(@PathVariable String name, @Valid @RequestBody ConfigRequests.CalendarBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (!name.matches(NAME)) {
            errors.add(new FieldError("name", "must be 1 to 100 letters, digits, '-' or '_'"));
        }
        try {
            ZoneId.of(body.zone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "not a known time zone"));
        }
        for (Map.Entry<DayOfWeek, List<CalendarDocument.WindowDocument>> day : body.weekly().entrySet()) {
            List<CalendarDocument.WindowDocument> windows = day.getValue();
            IntStream.range(0, windows.size())
                    .filter(i -> windows.get(i).open() == null || windows.get(i).close() == null
                            || !windows.get(i).close().isAfter(windows.get(i).open()))
                    .forEach(i -> errors.add(new FieldError("weekly." + day.getKey() + "[" + i + "]",
                            "needs open and close, close after open")));
        }
        if (body.weekly().values().stream().allMatch(List::isEmpty)) {
            errors.add(new FieldError("weekly", "needs at least one working window"));
        }
        requireNone(errors);
        return config.putCalendar(new CalendarDocument(name, body.zone(), body.weekly(), body.holidays()),
                Caller.current().subject());
    }

    @Operation(summary = "The history of configuration changes, newest first: before, after, who and when")
    @GetMapping("/api/routing/config/changes")
    public Map<String, List<RoutingConfigStore.ConfigChange>> changes(@RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("changes", config.changes(kind, Math.clamp(limit, 1, 1000)));
    }

    private static ConfigRequests.SlaPolicyBody body(SlaTerms terms) {
        return new ConfigRequests.SlaPolicyBody(terms.priority(), terms.tier(), (int) terms.firstResponse().toMinutes(),
                (int) terms.resolution().toMinutes(), terms.calendar());
    }

    private static void requireNone(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** What is wrong with a rule's queue: none, archived, or Unclassified (a rule puts cases in a queue). */
    private Optional<String> queueProblem(Queue queue) {
        if (queue.isUnclassified()) {
            return Optional.of("a rule puts cases in a queue; Unclassified is where they wait");
        }
        Optional<Boolean> archived = config.queueArchived(queue);
        if (archived.isEmpty()) {
            return Optional.of("no such queue");
        }
        return archived.get() ? Optional.of("the queue is archived") : Optional.empty();
    }
}
