package org.casestream.gateway.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.gateway.GatewayApplication;
import org.casestream.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A gateway on an empty database and without CASESTREAM_ADMIN_PASSWORD makes an admin with a generated one. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTest {

    @Test
    void theGeneratedPasswordGoesToAnOwnerOnlyFileAndOnlyItsPathIsLogged(@TempDir Path home, CapturedOutput output)
            throws Exception {
        TestInfrastructure.start();
        String database = TestInfrastructure.createDatabase("gateway_bootstrap");
        Path jwt = Path.of(URI.create(TestInfrastructure.publicKeyLocation())).getParent();
        Path passwordFile = home.resolve("admin-password");

        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--casestream.gateway.tokens.private-key=" + jwt.resolve("private.pem").toUri(),
                "--casestream.gateway.tokens.public-key=" + jwt.resolve("public.pem").toUri(),
                "--casestream.gateway.admin.password=",
                "--casestream.gateway.admin.generate-password=true",
                "--casestream.gateway.backends.command=http://127.0.0.1:9",
                "--casestream.gateway.backends.query=http://127.0.0.1:9",
                "--casestream.gateway.backends.routing=http://127.0.0.1:9",
                "--casestream.gateway.backends.notification=http://127.0.0.1:9",
                "--casestream.gateway.admin.password-file=" + passwordFile)) {

            assertThat(passwordFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll()).contains(passwordFile.toAbsolutePath().toString()).doesNotContain(password);

            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            String body = new ObjectMapper().writeValueAsString(java.util.Map.of("username", "admin", "password", password));
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(login.body()).get("user").get("roles").get(0).asText())
                    .isEqualTo("admin");
            assertThat(output.getAll()).doesNotContain(password);
        }
    }
}
