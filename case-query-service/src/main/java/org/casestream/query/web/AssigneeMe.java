package org.casestream.query.web;

import java.util.Arrays;
import java.util.List;

import org.casestream.support.security.Caller;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** {@code assignee=me} in a list's parameters: the agent the caller's login is linked to. */
final class AssigneeMe {

    static final String ME = "me";

    private AssigneeMe() {
    }

    /** The parameters with every {@code me} among the assignees replaced by the caller's agent id. */
    static MultiValueMap<String, String> resolve(MultiValueMap<String, String> parameters, Caller caller) {
        List<String> assignees = parameters.get("assignee");
        if (assignees == null || assignees.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .noneMatch(value -> value.trim().equals(ME))) {
            return parameters;
        }
        String agentId = agentIdOf(caller, "assignee");
        MultiValueMap<String, String> resolved = new LinkedMultiValueMap<>(parameters);
        resolved.put("assignee", assignees.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).map(value -> value.equals(ME) ? agentId : value).toList());
        return resolved;
    }

    /** The caller's agent id; a 400 naming {@code field} when their login is linked to no agent. */
    static String agentIdOf(Caller caller, String field) {
        if (caller.agentId() == null) {
            throw new InvalidRequest(List.of(new FieldError(field,
                    "'me' needs a login linked to an agent; an admin links it")));
        }
        return caller.agentId();
    }
}
