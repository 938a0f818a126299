package org.casestream.command.attachments;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where attachments are stored ({@code filesystem} under {@code directory}, {@code database}, or {@code s3}: a bucket
 * of an S3-compatible store), the largest file taken, and how long an upload no comment or ticket named is kept.
 */
@ConfigurationProperties("casestream.attachments")
@Validated
public record AttachmentProperties(@NotNull Store store, Path directory, @NotNull DataSize maxSize,
                                   @NotNull Duration unboundRetention, S3 s3) {

    public enum Store { FILESYSTEM, DATABASE, S3 }

    /**
     * An S3-compatible bucket: {@code endpoint} for a store other than AWS (MinIO, Ceph, S3Proxy, ...; none for AWS
     * itself), its {@code region}, objects under {@code prefix}, path-style addressing for stores that need it, and the
     * access key and secret (from the environment; without them the SDK's default chain: the instance's role, ...).
     */
    public record S3(URI endpoint, String region, String bucket, String prefix, boolean pathStyle, String accessKey,
                     String secretKey) {

        @Override
        public String toString() {
            return "S3[" + endpoint + ", " + region + ", " + bucket + "]";
        }
    }
}
