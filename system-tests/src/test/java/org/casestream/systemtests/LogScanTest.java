package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.systemtests.Customers.Customer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Last of the run: no log line of any part (infrastructure, gateway, services, launcher) names a customer this run
 * used, by name, surname or email address.
 */
@ExtendWith(PlatformExtension.class)
@Order(Integer.MAX_VALUE)
class LogScanTest {

    private static final Pattern DEMO_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.com\\b");

    @Test
    void noLogLineOfTheRunNamesACustomer(Platform platform) throws IOException {
        List<Customer> customers = platform.customers().used();
        assertThat(customers).as("customers used by this run's tests").isNotEmpty();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(platform.logDirectory())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).extracting(path -> path.getFileName().toString()).contains("infra.log", "gateway.log",
                "case-command-service.log", "case-query-service.log", "routing-service.log", "notification-service.log");
        assertThat(logs).allSatisfy(log -> assertThat(findings(log, customers)).as(log.toString()).isEmpty());
    }

    /** The demo's customers (DemoDataTest) all write from {@code @example.com}; none of those addresses either. */
    @Test
    void noLogLineOfTheRunHasADemoCustomersAddress(Platform platform) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.walk(platform.logDirectory())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                assertThat(lines.filter(line -> DEMO_ADDRESS.matcher(searchable(line)).find()).count()).as(log.toString()).isZero();
            }
        }
    }

    @Test
    void theScanFindsACustomerInAJsonLineEvenWithEscapedCharacters(Platform platform) throws IOException {
        Customer customer = new Customers().next("gold");
        Path planted = Files.createTempFile(platform.home(), "planted", ".log");
        try {
            String escaped = customer.email().replace("@", "\\u0040").replace(".", "\\u002e");
            Files.writeString(planted, "{\"log\":{\"level\":\"INFO\"},\"message\":\"ok\"}\n"
                    + "{\"log\":{\"level\":\"WARN\"},\"message\":\"mail to " + escaped + " bounced\"}\n");
            assertThat(findings(planted, List.of(customer))).isNotEmpty()
                    .allSatisfy(finding -> assertThat(finding).contains(":2: customer #0"));
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    void theScanFindsACustomerWhereOneIsLogged(Platform platform) throws IOException {
        Customer customer = new Customers().next("gold");
        Path planted = Files.createTempFile(platform.home(), "planted", ".log");
        try {
            Files.writeString(planted, "INFO ok\nWARN mail to " + customer.email().toUpperCase(Locale.ROOT) + " bounced\n");
            assertThat(findings(planted, List.of(customer))).isNotEmpty()
                    .allSatisfy(finding -> assertThat(finding).contains(":2: customer #0"));
        } finally {
            Files.delete(planted);
        }
    }

    /**
     * A line as written and, for a JSON line (the services write one object a line), its values as they read once
     * decoded, so that an escaped character (a JSON writer's choice) hides nothing.
     */
    static String searchable(String line) {
        LogLine parsed = LogLine.parse(line);
        if (!parsed.isJson()) {
            return line;
        }
        StringBuilder values = new StringBuilder(line);
        collect(parsed.json(), values);
        return values.toString();
    }

    private static void collect(JsonNode node, StringBuilder values) {
        if (node.isValueNode()) {
            values.append('\n').append(node.asText());
        } else {
            node.forEach(child -> collect(child, values));
        }
    }

    /** {@code file:line: which customer's what}, without repeating the secret itself. */
    static List<String> findings(Path log, List<Customer> customers) {
        List<String> findings = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            int[] number = {0};
            lines.forEach(line -> {
                number[0]++;
                String lower = searchable(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                        .toLowerCase(Locale.ROOT);
                for (int c = 0; c < customers.size(); c++) {
                    List<String> secrets = customers.get(c).secrets();
                    for (int s = 0; s < secrets.size(); s++) {
                        if (lower.contains(secrets.get(s).toLowerCase(Locale.ROOT))) {
                            findings.add(log.getFileName() + ":" + number[0] + ": customer #" + c + " (secret #" + s + ")");
                        }
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("Cannot read " + log, e);
        }
        return findings;
    }
}
