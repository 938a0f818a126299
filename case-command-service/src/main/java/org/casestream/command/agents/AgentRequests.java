package org.casestream.command.agents;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.events.Availability;
import org.casestream.events.Queue;
import org.casestream.events.Skill;

/** The bodies of the agent endpoints. */
public final class AgentRequests {

    private AgentRequests() {
    }

    public record SkillLevel(@NotNull Queue queue, @Min(1) @Max(5) int level) {
        Skill toSkill() {
            return new Skill(queue, level);
        }
    }

    public record NewAgent(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                           @NotNull @Size(max = 10) List<@Valid @NotNull SkillLevel> skills,
                           @Min(0) @Max(500) int capacity) {
        @Override
        public String toString() {
            return "NewAgent[skills=" + skills + ", capacity=" + capacity + "]";
        }
    }

    public record SkillsChange(@NotNull @Size(max = 10) List<@Valid @NotNull SkillLevel> skills,
                               @Min(0) @Max(500) int capacity) {
    }

    public record AvailabilityChange(@NotNull Availability availability) {
    }

    static List<Skill> skills(List<SkillLevel> levels) {
        return levels.stream().map(SkillLevel::toSkill).toList();
    }
}
