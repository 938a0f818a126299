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
 * a development tool (the mail catcher's UI shows every mail) is reachable from the host only.
 */
class ComposeFileTest {

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
