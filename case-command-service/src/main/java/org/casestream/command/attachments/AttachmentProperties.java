package org.casestream.command.attachments;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where attachments are stored ({@code filesystem} under {@code directory}, or {@code database}), the largest file
 * taken, and how long an upload no comment or ticket named is kept.
 */
@ConfigurationProperties("casestream.attachments")
@Validated
public record AttachmentProperties(@NotNull Store store, Path directory, @NotNull DataSize maxSize,
                                   @NotNull Duration unboundRetention) {

    public enum Store { FILESYSTEM, DATABASE }
}
