package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.casestream.events.CaseStatus;
import org.casestream.query.search.ListRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;

/**
 * The case list's document lists the parameters {@link ListRequest} reads, with the values and caps it checks, in
 * place of the map the handler takes them through; and the analytics export's documented sections are the ones it
 * knows.
 */
class CaseListDocumentationTest {

    private final CaseListDocumentation documentation = new CaseListDocumentation();

    private Map<String, io.swagger.v3.oas.models.parameters.Parameter> documented(String method, Class<?>... types)
            throws NoSuchMethodException {
        Operation operation = new Operation().addParametersItem(new io.swagger.v3.oas.models.parameters.Parameter()
                .in("query").name("parameters").schema(new ObjectSchema()));
        HandlerMethod handler = new HandlerMethod(new CaseQueryController(null, null),
                CaseQueryController.class.getMethod(method, types));
        return documentation.customize(operation, handler).getParameters().stream()
                .collect(Collectors.toMap(io.swagger.v3.oas.models.parameters.Parameter::getName, p -> p));
    }

    @Test
    void theListsFiltersSortAndPagingReplaceTheMapTheHandlerReadsThemThrough() throws Exception {
        Map<String, io.swagger.v3.oas.models.parameters.Parameter> parameters = documented("list", MultiValueMap.class);

        assertThat(parameters).doesNotContainKey("parameters").containsKeys("status", "priority", "queue", "channel",
                "tier", "assignee", "tag", "createdFrom", "createdTo", "q", "sort", "limit", "cursor");
        Schema<?> status = parameters.get("status").getSchema();
        List<String> statuses = status.getItems().getEnum().stream().map(String::valueOf).toList();
        assertThat(statuses).containsExactlyElementsOf(Arrays.stream(CaseStatus.values()).map(CaseStatus::wire).toList());
        assertThat(status.getMaxItems()).isEqualTo(ListRequest.MAX_VALUES);
        assertThat(parameters.get("limit").getSchema().getMaximum().intValue()).isEqualTo(ListRequest.MAX_LIMIT);
        assertThat(parameters.get("sort").getSchema().getEnum()).contains("createdAt", "-createdAt");
        assertThat(parameters.get("createdFrom").getSchema().getFormat()).isEqualTo("date-time");
    }

    @Test
    void anUnmarkedHandlerIsLeftAlone() throws Exception {
        assertThat(documented("comments", java.util.UUID.class, Integer.class, Integer.class, Integer.class))
                .containsOnlyKeys("parameters");
    }

    @Test
    void theAnalyticsExportDocumentsTheSectionsItKnows() throws Exception {
        Parameter section = (Parameter) Arrays.stream(AnalyticsController.class.getMethod("export", String.class,
                        String.class, String.class, String.class, String.class).getParameterAnnotations()[0])
                .filter(Parameter.class::isInstance).findFirst().orElseThrow();
        assertThat(List.of(section.schema().allowableValues()))
                .containsExactlyElementsOf(List.of(AnalyticsCsv.SECTION_NAMES.split(", ")));
    }
}
