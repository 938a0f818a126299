package org.casestream.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A live stream whose source broke off mid-answer ends whole (CI saw browsers log ERR_INCOMPLETE_CHUNKED_ENCODING
 * when a problem was written into a stream that had begun); the same failure before anything was sent is a problem.
 */
class AnswerBrokeOffTest {

    private final ProblemHandling handling = new ProblemHandling();

    @Test
    void aStreamAlreadyUnderWayJustEnds() throws IOException {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.setContentType("text/event-stream");
        streaming.getWriter().write("event: case\ndata: {}\n\n");
        streaming.flushBuffer();

        ResponseEntity<ProblemDetail> answer = handling.unexpected(new IOException("closed"),
                new MockHttpServletRequest("GET", "/api/stream"), streaming);

        assertThat(answer).as("nothing more is written into the stream").isNull();
        assertThat(streaming.getContentAsString()).isEqualTo("event: case\ndata: {}\n\n");
    }

    @Test
    void beforeAnythingWasSentItIsAProblem() {
        ResponseEntity<ProblemDetail> answer = handling.unexpected(new IOException("closed"),
                new MockHttpServletRequest("GET", "/api/cases"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getType().toString()).endsWith("internal-error");
    }
}
