package org.casestream.events.versioning;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.casestream.events.cases.CaseReopened;

/**
 * CaseReopened v1 was {@code {caseId, status, commentId}}: only a customer's reply reopened a case then. v2 says
 * who did ({@code source}) and, for an agent, why ({@code reason}).
 */
public final class CaseReopenedV1ToV2 implements EventUpcaster {

    @Override
    public String eventName() {
        return "CaseReopened";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        if (!data.hasNonNull("source")) {
            data.put("source", CaseReopened.CUSTOMER_REPLY);
        }
        return data;
    }
}
