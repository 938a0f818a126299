package org.casestream.routing.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
import org.casestream.events.Tier;
import org.casestream.routing.classification.MatchKind;
import org.casestream.routing.priority.PriorityRuleKind;

/** The bodies of the config API; each write replaces the whole set. */
public final class ConfigRequests {

    private ConfigRequests() {
    }

    /**
     * {@code pattern} is checked against its kind by the controller, blank included, so every bad rule is named at
     * once. A {@code decisive} rule wins over the classifier (absent: not decisive).
     */
    public record ClassificationRuleBody(@NotNull @Min(0) Integer position, @NotNull Queue queue,
                                         @NotNull MatchKind kind, @Size(max = 500) String pattern, Boolean decisive) {
    }

    public record ClassificationRules(@NotNull @Size(max = 500) List<@NotNull @Valid ClassificationRuleBody> rules) {
    }

    public record PriorityRuleBody(@NotNull @Min(0) Integer position, @NotNull PriorityRuleKind kind,
                                   @Size(max = 500) String pattern, @NotNull Priority priority) {
    }

    public record PriorityRules(@NotNull @Size(max = 500) List<@NotNull @Valid PriorityRuleBody> rules) {
    }

    public record SlaPolicyBody(@NotNull Priority priority, @NotNull Tier tier,
                                @NotNull @Min(1) @Max(525_600) Integer firstResponseMinutes,
                                @NotNull @Min(1) @Max(525_600) Integer resolutionMinutes,
                                @Size(max = 100) String calendar) {
    }

    public record SlaPolicies(@NotNull @Size(max = 100) List<@NotNull @Valid SlaPolicyBody> policies) {
    }

    public record CalendarBody(@NotBlank @Size(max = 100) String zone,
                               @NotNull Map<DayOfWeek, List<CalendarDocument.@NotNull @Valid WindowDocument>> weekly,
                               @Size(max = 1000) List<@NotNull LocalDate> holidays) {
    }
}
