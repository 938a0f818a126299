package org.casestream.notification.settings;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.casestream.events.Queue;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin settings: private targets (SSRF guard), the leads' addresses, and a Slack webhook per team. */
@RestController
@RequestMapping("/api/notification-settings")
public class SettingsController {

    private final SettingsStore settings;
    private final TargetPolicy targets;

    public SettingsController(SettingsStore settings, TargetPolicy targets) {
        this.settings = settings;
        this.targets = targets;
    }

    public record SettingsRequest(@NotNull Boolean allowPrivateTargets,
                                  @NotNull @Size(max = 100) List<@NotBlank @Email String> leadEmails) {
    }

    public record SlackWebhookRequest(@NotBlank String url) {
    }

    @Operation(operationId = "getNotificationSettings")
    @GetMapping
    public NotificationSettings get() {
        return settings.current();
    }

    @Operation(operationId = "putNotificationSettings")
    @PutMapping
    public NotificationSettings put(@Valid @RequestBody SettingsRequest request) {
        settings.update(request.allowPrivateTargets(), request.leadEmails());
        return settings.current();
    }

    /** The URL is stored encrypted and never shown again: the settings list only which teams have one. */
    @PutMapping("/slack/{team}")
    public NotificationSettings putSlack(@PathVariable String team, @Valid @RequestBody SlackWebhookRequest request) {
        String known = knownTeam(team);
        targets.refusal(request.url()).ifPresent(reason -> {
            throw new InvalidRequest(List.of(new FieldError("url", reason)));
        });
        settings.putSlackWebhook(known, request.url());
        return settings.current();
    }

    @DeleteMapping("/slack/{team}")
    public ResponseEntity<Void> deleteSlack(@PathVariable String team) {
        if (!settings.removeSlackWebhook(knownTeam(team))) {
            throw new NotFound("No Slack webhook for team " + team);
        }
        return ResponseEntity.noContent().build();
    }

    private static String knownTeam(String team) {
        if (SettingsStore.DEFAULT_TEAM.equals(team)) {
            return team;
        }
        try {
            return Queue.of(team).wire();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new FieldError("team", "must be a queue name or 'default'")));
        }
    }
}
