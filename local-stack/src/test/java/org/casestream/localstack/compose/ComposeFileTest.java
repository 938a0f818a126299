package org.casestream.localstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on these machines, so it is read: only the gateway is published to the network;
 * a development tool (the mail catcher's UI shows every mail, Prometheus and Grafana every metric) is reachable from
 * the host only; Prometheus scrapes every service's management port and Grafana has its datasource and dashboard.
 */
class ComposeFileTest {

    private static final List<String> SERVICES = List.of("gateway", "case-command-service", "case-query-service",
            "routing-service", "notification-service");

    @SuppressWarnings("unchecked")
    private static <T> T read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            // JSON is YAML too
            return (T) new Yaml().load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServicesManagementPort() throws IOException {
        Map<String, Object> compose = read(Path.of("..", "docker-compose.yml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> prometheus = read(Path.of("..", "observability", "prometheus", "prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) config.get("targets"));
            }
        }
        List<String> managementPorts = SERVICES.stream().map(name -> name + ":"
                + ((Map<String, Object>) services.get(name).get("environment")).get("MANAGEMENT_SERVER_PORT")).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(managementPorts);
        assertThat(services).containsKeys("prometheus", "grafana");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaHasThePrometheusDatasourceAndTheCasestreamDashboard() throws IOException {
        Path grafana = Path.of("..", "observability", "grafana");
        Map<String, Object> datasources = read(grafana.resolve("provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).getFirst();
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        Map<String, Object> providers = read(grafana.resolve("provisioning/dashboards/casestream.yml"));
        assertThat(((List<Map<String, Object>>) providers.get("providers")).getFirst().get("options"))
                .isEqualTo(Map.of("path", "/var/lib/grafana/dashboards"));

        Map<String, Object> dashboard = read(grafana.resolve("dashboards/casestream.json"));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).extracting(panel -> panel.get("title"))
                .contains("Intake rate", "Routing latency", "SLA breaches", "Consumer lag", "5xx answers");
        assertThat(panels).allSatisfy(panel -> {
            assertThat(((Map<String, Object>) panel.get("datasource")).get("uid")).isEqualTo(datasource.get("uid"));
            assertThat((List<Map<String, Object>>) panel.get("targets")).isNotEmpty()
                    .allSatisfy(target -> assertThat((String) target.get("expr")).isNotBlank());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayIsPublishedBeyondThisMachine() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        List<String> openToTheNetwork = new ArrayList<>();
        List<String> published = new ArrayList<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                published.add(name);
                if (!String.valueOf(port).startsWith("127.0.0.1:")) {
                    openToTheNetwork.add(name + " " + port);
                }
            }
        });

        assertThat(published).contains("gateway", "mailcatcher");
        assertThat(openToTheNetwork).singleElement().asString().startsWith("gateway ");
    }
}
