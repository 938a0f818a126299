package org.casestream.events.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.casestream.events.AssignmentReason;
import org.casestream.events.CaseStatus;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseReopened;
import org.junit.jupiter.api.Test;

class EventVersionsTest {

    /** Exactly what a v1 CaseAssigned looked like in the event store and on the topic. */
    private static final String STORED_V1 = """
            {"caseId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","agentId":"1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"}
            """;

    @Test
    void upcastsStoredV1CaseAssignedToV2() {
        CaseAssigned event = (CaseAssigned) EventVersions
                .decode("CaseAssigned", 1, STORED_V1.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(event.caseId()).isEqualTo(UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"));
        assertThat(event.agentId()).isEqualTo(UUID.fromString("1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"));
        assertThat(event.reason()).isEqualTo(AssignmentReason.MANUAL);
        assertThat(event.previousAgentId()).isNull();
    }

    @Test
    void upcastsStoredV1CaseReopenedToACustomersReply() {
        String storedV1 = """
                {"caseId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","status":"inprogress",
                 "commentId":"5d1c0a9e-3b7f-4c1e-9a2d-8e4f6b7c1d2e"}
                """;

        CaseReopened event = (CaseReopened) EventVersions
                .decode("CaseReopened", 1, storedV1.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(event.source()).isEqualTo(CaseReopened.CUSTOMER_REPLY);
        assertThat(event.byAgent()).isFalse();
        assertThat(event.reason()).isNull();
        assertThat(event.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(event.commentId()).isEqualTo(UUID.fromString("5d1c0a9e-3b7f-4c1e-9a2d-8e4f6b7c1d2e"));
    }

    @Test
    void readsAnAgentsReopeningAsV2AndRefusesOneWithoutItsReason() {
        String v2 = """
                {"caseId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","status":"inprogress","source":"agent",
                 "reason":"Customer called: still broken"}
                """;
        CaseReopened event = (CaseReopened) EventVersions
                .decode("CaseReopened", 2, v2.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(event.byAgent()).isTrue();
        assertThat(event.reason()).isEqualTo("Customer called: still broken");
        assertThatThrownBy(() -> CaseReopened.agentReopened(event.caseId(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesCurrentVersionAlone() {
        String v2 = """
                {"caseId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","agentId":"1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d",
                 "previousAgentId":"2a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d","reason":"transfer"}
                """;
        CaseAssigned event = (CaseAssigned) EventVersions
                .decode("CaseAssigned", 2, v2.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(event.reason()).isEqualTo(AssignmentReason.TRANSFER);
        assertThat(event.previousAgentId()).isEqualTo(UUID.fromString("2a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"));
    }

    @Test
    void skipsTypesFromNewerCatalogues() {
        assertThat(EventVersions.decode("CaseTeleported", 1, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void refusesVersionsNewerThanItKnows() {
        assertThatThrownBy(() -> EventVersions.decode("CaseAssigned", 3, STORED_V1.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newer");
    }
}
