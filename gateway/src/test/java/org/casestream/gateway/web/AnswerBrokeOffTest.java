package org.casestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.casestream.gateway.http.WebProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * A live stream whose service broke off mid-answer ends whole at the gateway (CI saw browsers log
 * ERR_INCOMPLETE_CHUNKED_ENCODING when the gateway tried to write a problem into a stream it had begun).
 */
class AnswerBrokeOffTest {

    private final GatewayProblemHandling handling = new GatewayProblemHandling(new WebProperties(DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(26), DataSize.ofKilobytes(16), List.of(), new ByteArrayResource(new byte[0]), true));

    @Test
    void aStreamAlreadyUnderWayJustEnds() throws IOException {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.setContentType("text/event-stream");
        streaming.getWriter().write("event: case\ndata: {}\n\n");
        streaming.flushBuffer();

        ResponseEntity<ProblemDetail> answer = handling.answerBrokeOff(new IOException("closed"),
                new MockHttpServletRequest("GET", "/api/stream"), streaming);

        assertThat(answer).as("nothing more is written into the stream").isNull();
    }

    @Test
    void beforeAnythingWasSentItIsABadGateway() {
        ResponseEntity<ProblemDetail> answer = handling.answerBrokeOff(new IOException("closed"),
                new MockHttpServletRequest("GET", "/api/cases"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody().getType().toString()).endsWith("service-answer-broken");
    }
}
