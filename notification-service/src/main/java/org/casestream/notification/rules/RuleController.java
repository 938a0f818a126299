package org.casestream.notification.rules;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and edit who gets what: one rule per trigger and audience, on or off. */
@RestController
@RequestMapping("/api/notification-rules")
public class RuleController {

    private final RuleBook rules;

    public RuleController(RuleBook rules) {
        this.rules = rules;
    }

    public record RuleRequest(@NotNull Boolean enabled) {
    }

    @Operation(operationId = "listNotificationRules")
    @GetMapping
    public List<NotificationRule> all() {
        return rules.all();
    }

    @Operation(operationId = "putNotificationRule")
    @PutMapping("/{trigger}/{audience}")
    public NotificationRule put(@PathVariable String trigger, @PathVariable String audience,
            @Valid @RequestBody RuleRequest request) {
        Trigger knownTrigger = null;
        Audience knownAudience = null;
        List<FieldError> errors = new ArrayList<>();
        try {
            knownTrigger = Trigger.of(trigger);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("trigger", "must be one of " + List.of(Trigger.values()).stream()
                    .map(Trigger::wire).toList()));
        }
        try {
            knownAudience = Audience.of(audience);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("audience", "must be one of " + List.of(Audience.values()).stream()
                    .map(Audience::wire).toList()));
        }
        if (knownTrigger != null && knownAudience == Audience.CUSTOMER && !knownTrigger.forCustomers()) {
            errors.add(new FieldError("audience", "customers are told only of case-opened, agent-reply and case-done"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return rules.put(knownTrigger, knownAudience, request.enabled(), Caller.current().subject());
    }
}
