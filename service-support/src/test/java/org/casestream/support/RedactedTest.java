package org.casestream.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.casestream.support.web.Redacted;

import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void namesEveryCauseButQuotesNoMessage() {
        var failure = new IllegalStateException("cannot store ada@example.com",
                new SQLException("Batch entry 0 INSERT ... 'Ada Lovelace' was aborted", "23505"));

        String logged = Redacted.causes(failure);

        assertThat(logged).contains("java.lang.IllegalStateException", "java.sql.SQLException", "RedactedTest")
                .doesNotContain("ada@example.com", "Ada Lovelace", "INSERT");
    }
}
