package org.casestream.command.attachments;

import java.nio.file.Path;

import org.casestream.support.pruning.RetentionRule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The attachment store the configuration names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties, JdbcClient jdbc) {
        return switch (properties.store()) {
            case FILESYSTEM -> new FilesystemAttachmentStore(properties.directory() == null
                    ? Path.of(".casestream", "attachments") : properties.directory());
            case DATABASE -> new DatabaseAttachmentStore(jdbc);
            case S3 -> new S3AttachmentStore(properties.s3());
        };
    }

    /** Uploads no comment or ticket named: their rows go (their bytes stay, as another upload may share them). */
    @Bean
    RetentionRule unboundAttachmentsRetention(AttachmentProperties properties) {
        return RetentionRule.rows("attachment", "case_id IS NULL AND uploaded_at < :cutoff",
                properties.unboundRetention());
    }
}
