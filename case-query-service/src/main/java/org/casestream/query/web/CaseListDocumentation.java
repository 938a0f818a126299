package org.casestream.query.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.casestream.query.search.CaseSort;
import org.casestream.query.search.ListRequest;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists the case list's query parameters on every operation marked {@link CaseListParameters}, in place of the one
 * map the handler reads them through: each filter with its values (the catalogue's wire names) and the caps
 * {@link ListRequest} enforces, the sort keys of {@link CaseSort}, and the paging limits.
 */
@Component
class CaseListDocumentation implements OperationCustomizer {

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        CaseListParameters marked = handler.getMethodAnnotation(CaseListParameters.class);
        if (marked == null) {
            return operation;
        }
        String[] names = PARAMETER_NAMES.getParameterNames(handler.getMethod());
        List<String> maps = Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> MultiValueMap.class.isAssignableFrom(parameter.getParameterType()))
                .map(parameter -> names[parameter.getParameterIndex()]).toList();
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(parameter -> maps.contains(parameter.getName()));
        }
        filter(operation, "status", "Status", wire(CaseStatus.values(), CaseStatus::wire));
        filter(operation, "priority", "Priority", wire(Priority.values(), Priority::wire));
        filter(operation, "queue", "Queue (by name, e.g. Login)", List.of());
        filter(operation, "channel", "Channel the case came in by", wire(Channel.values(), Channel::wire));
        filter(operation, "tier", "The customer's tier", wire(Tier.values(), Tier::wire));
        filter(operation, "assignee", "An agent id, none (unassigned), or me (the agent the caller's login is "
                + "linked to)", List.of());
        filter(operation, "tag", "Tag", List.of());
        operation.addParametersItem(query("createdFrom", "Opened at or after this instant",
                new StringSchema().format("date-time")).example("2026-11-22T10:00:00Z"));
        operation.addParametersItem(query("createdTo", "Opened before this instant (after createdFrom)",
                new StringSchema().format("date-time")));
        operation.addParametersItem(query("q", "Full text: subject, description, comments, customer",
                new StringSchema().maxLength(500)).example("reset mail"));
        List<String> sorts = Arrays.stream(CaseSort.names().split(", "))
                .flatMap(name -> Stream.of(name, "-" + name)).toList();
        StringSchema sort = new StringSchema();
        sort.setEnum(sorts);
        operation.addParametersItem(query("sort", "Order: a key, descending with a leading '-'", sort));
        if (marked.paged()) {
            operation.addParametersItem(query("limit", "Cases per page",
                    new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ListRequest.MAX_LIMIT))
                            ._default(ListRequest.DEFAULT_LIMIT)));
            operation.addParametersItem(query("cursor", "The previous page's nextCursor", new StringSchema()));
        }
        return operation;
    }

    /** A filter may be repeated or comma-separated; its values combine with OR, filters with AND. */
    private static void filter(Operation operation, String name, String what, List<String> values) {
        StringSchema value = new StringSchema();
        value.setMaxLength(ListRequest.MAX_VALUE_LENGTH);
        if (!values.isEmpty()) {
            value.setEnum(values);
        }
        Schema<?> schema = new ArraySchema().items(value).maxItems(ListRequest.MAX_VALUES);
        operation.addParametersItem(query(name, what + "; repeat it or separate values by commas (any of them)", schema)
                .explode(true).style(Parameter.StyleEnum.FORM));
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }

    private static <E> List<String> wire(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).toList();
    }
}
