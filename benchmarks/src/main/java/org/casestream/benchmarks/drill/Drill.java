package org.casestream.benchmarks.drill;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.benchmarks.demo.GatewayApi;
import org.casestream.benchmarks.demo.GatewayApi.Answer;
import org.casestream.benchmarks.demo.GatewayApi.Credentials;
import org.casestream.localstack.infra.InfraParts;
import org.casestream.localstack.infra.LocalInfrastructure.Part;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The fault drill ({@code ./casestream drill}): a bounded load through the gateway while, one after another,
 * every service instance is killed with SIGKILL and started again, Kafka is stopped, MongoDB is stopped and
 * PostgreSQL restarted. Then it waits for the platform to drain and prints one table of what arrived where; the
 * exit code is 1 when anything was lost, duplicated or differs, or a 5xx other than 503 was answered.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Runs the fault drill against the running local platform and prints what arrived where.")
public final class Drill implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, description = "The gateway.")
    private URI url;

    @Option(names = "--admin", defaultValue = "admin", description = "The admin to log in as (default: ${DEFAULT-VALUE}).")
    private String admin;

    @Option(names = "--password", defaultValue = "${env:CASESTREAM_ADMIN_PASSWORD}", description = "The admin's password.")
    private String password;

    @Option(names = "--launcher", required = true, description = "The ./casestream script (kills and starts instances).")
    private Path launcher;

    @Option(names = "--home", required = true, description = "CASESTREAM_HOME of the running platform.")
    private Path home;

    @Option(names = "--jdbc-url", required = true, description = "The platform's PostgreSQL.")
    private String jdbcUrl;

    @Option(names = "--kafka", required = true, description = "The platform's Kafka bootstrap servers.")
    private String kafka;

    @Option(names = "--imap-port", defaultValue = "${env:CASESTREAM_IMAP_PORT:-3143}", description = "The mail catcher's IMAP port.")
    private int imapPort;

    @Option(names = "--instances", split = ",", required = true, description = "The instances to kill in turn.")
    private List<String> instances;

    @Option(names = "--rate", defaultValue = "3", description = "Requests per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--short", description = "The short drill for CI (under 3 minutes): one instance of each consumer service killed, Kafka away 20 s, MongoDB 10 s.")
    private boolean shortDrill;

    @Option(names = "--drain-within", defaultValue = "PT5M", description = "How long the platform may take to drain (default: ${DEFAULT-VALUE}).")
    private Duration drainWithin;

    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Drill()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        GatewayApi setup = new GatewayApi(url, Duration.ofMinutes(2), status -> { });
        Credentials adminToken = Credentials.bearer(setup.login(admin, password));
        String secret = "Drill-" + java.util.UUID.randomUUID();
        Credentials lead = person(setup, adminToken, "drill-lead", "lead", secret);
        Credentials ops = person(setup, adminToken, "drill-ops", "ops", secret);
        Answer key = setup.call("POST", "/api/admin/api-keys", adminToken, Map.of("name", "drill-" + Instant.now().getEpochSecond(),
                "channel", "web"), null);
        if (!key.ok()) {
            throw new IllegalStateException("cannot create the drill's API key: HTTP " + key.status());
        }
        DrillLoad load = new DrillLoad(url, Duration.ofMinutes(3), Credentials.apiKey(key.body().path("key").asText()), lead);
        InfraParts parts = InfraParts.of(home.resolve("infra.ready"));

        Instant started = Instant.now();
        load.start(rate);
        List<String> faults = new ArrayList<>();
        try {
            if (shortDrill) {
                shortFaults(parts, faults);
            } else {
                fullFaults(parts, faults);
            }
            TimeUnit.SECONDS.sleep(shortDrill ? 5 : 20);
        } finally {
            load.stop();
        }
        Instant loadEnded = Instant.now();
        out.printf("load ended after %ds; faults: %s%n", Duration.between(started, loadEnded).toSeconds(), String.join(", ", faults));
        out.flush();

        DrillCheck check = new DrillCheck(jdbcUrl, kafka, new GatewayApi(url, Duration.ofMinutes(2), status -> { }),
                Credentials.bearer(setup.login("drill-ops", secret)));
        List<String> cases = load.opened();
        Duration drained = drain(check, cases);
        return report(check, load, cases, drained, setup, secret);
    }

    private Credentials person(GatewayApi api, Credentials adminToken, String username, String role, String secret) {
        Answer created = api.call("POST", "/api/admin/users", adminToken, Map.of("username", username,
                "displayName", "Drill " + role, "password", secret, "roles", List.of(role)), null);
        if (!created.ok()) {
            api.call("PATCH", "/api/admin/users/" + username, adminToken,
                    Map.of("password", secret, "roles", List.of(role), "disabled", false), null);
        }
        return Credentials.bearer(api.login(username, secret));
    }

    /** Every instance killed and restarted in turn, Kafka away 60 s, MongoDB away 30 s, PostgreSQL restarted. */
    private void fullFaults(InfraParts parts, List<String> done) throws Exception {
        pause(20);
        for (String instance : instances) {
            kill(instance);
            done.add("kill -9 " + instance);
            pause(10);
        }
        away(parts, Part.KAFKA, 60);
        done.add("Kafka away 60 s");
        pause(15);
        away(parts, Part.MONGO, 30);
        done.add("MongoDB away 30 s");
        pause(15);
        parts.restart(Part.POSTGRES);
        done.add("PostgreSQL restarted");
    }

    /** The CI drill: the second instance of each consumer service killed, Kafka 20 s, MongoDB 10 s, PostgreSQL restarted. */
    private void shortFaults(InfraParts parts, List<String> done) throws Exception {
        pause(10);
        List<String> victims = instances.stream()
                .filter(instance -> instance.endsWith("-2") || instance.equals("case-command-service")).toList();
        killTogether(victims);
        done.add("kill -9 " + String.join(" + ", victims) + " at once");
        away(parts, Part.KAFKA, 20);
        done.add("Kafka away 20 s");
        away(parts, Part.MONGO, 10);
        done.add("MongoDB away 10 s");
        parts.restart(Part.POSTGRES);
        done.add("PostgreSQL restarted");
    }

    private void away(InfraParts parts, Part part, int seconds) throws Exception {
        out.printf("%s: stopping %s for %d s%n", Instant.now(), part, seconds);
        out.flush();
        parts.stop(part);
        pause(seconds);
        parts.start(part);
    }

    /** SIGKILL, then started again through the launcher, which waits until it is healthy. */
    private void kill(String instance) throws IOException, InterruptedException {
        out.printf("%s: kill -9 %s%n", Instant.now(), instance);
        out.flush();
        launch("kill", instance);
        launch("start", instance);
    }

    /** SIGKILL to each, then all started again side by side (the launcher waits until each is healthy). */
    private void killTogether(List<String> victims) throws IOException, InterruptedException {
        out.printf("%s: kill -9 %s%n", Instant.now(), String.join(" ", victims));
        out.flush();
        for (String instance : victims) {
            launch("kill", instance);
        }
        List<Process> starting = new ArrayList<>();
        for (String instance : victims) {
            starting.add(begin("start", instance));
        }
        for (int i = 0; i < victims.size(); i++) {
            finish(starting.get(i), "start", victims.get(i));
        }
    }

    private void launch(String action, String instance) throws IOException, InterruptedException {
        finish(begin(action, instance), action, instance);
    }

    private Process begin(String action, String instance) throws IOException {
        return new ProcessBuilder(launcher.toString(), "instance", action, instance)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void finish(Process process, String action, String instance) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("./casestream instance " + action + " " + instance + " failed");
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }

    /**
     * Until every drill case's view in the read model has the store's latest sequence, and the store has not grown
     * for two checks in a row (routing's and the timers' follow-up commands have landed).
     */
    private Duration drain(DrillCheck check, List<String> cases) throws Exception {
        long start = System.nanoTime();
        long deadline = start + drainWithin.toNanos();
        int stable = 0;
        long last = -1;
        while (System.nanoTime() < deadline) {
            Map<String, Long> stored = check.storedSequences(cases);
            long total = stored.values().stream().mapToLong(Long::longValue).sum();
            Map<String, JsonNode> views = check.views(cases);
            // caught up: every read model has every stored event, and every notification has gone out (a mail
            // whose first attempt failed while a part was away goes out on its retry)
            boolean caughtUp = stored.entrySet().stream().allMatch(entry -> views.containsKey(entry.getKey())
                    && views.get(entry.getKey()).path("lastSequence").asLong(-1) == entry.getValue())
                    && check.deliveriesInFlight(cases) == 0;
            stable = caughtUp && total == last ? stable + 1 : 0;
            last = total;
            if (stable >= 2) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            TimeUnit.SECONDS.sleep(3);
        }
        return null;
    }

    private int report(DrillCheck check, DrillLoad load, List<String> cases, Duration drained, GatewayApi setup,
                       String secret) throws Exception {
        Set<String> caseIds = new HashSet<>(cases);
        Map<String, List<String>> stored = check.storedEvents(caseIds);
        Set<String> storedIds = new HashSet<>();
        stored.values().forEach(storedIds::addAll);
        Map<String, Integer> topic = check.topicEvents(caseIds);
        long missingOnTopic = storedIds.stream().filter(id -> !topic.containsKey(id)).count();
        long topicRepeats = topic.values().stream().filter(count -> count > 1).count();
        Map<String, Long> sequences = check.storedSequences(caseIds);
        Map<String, JsonNode> views = check.views(caseIds);
        long viewsBehind = sequences.entrySet().stream().filter(entry -> !views.containsKey(entry.getKey())
                || views.get(entry.getKey()).path("lastSequence").asLong(-1) != entry.getValue()).count();
        String before = DrillCheck.hash(views);
        String rebuild = check.rebuild(Duration.ofMinutes(5));
        Map<String, JsonNode> rebuilt = new DrillCheck(jdbcUrl, kafka, new GatewayApi(url, Duration.ofMinutes(2), s -> { }),
                Credentials.bearer(setup.login("drill-ops", secret))).views(caseIds);
        String after = DrillCheck.hash(rebuilt);
        List<String> differing = differences(views, rebuilt);
        Map<String, Integer> routed = check.slaTargetsSet(caseIds);
        long routedTwice = routed.values().stream().filter(count -> count > 1).count();
        // a case closed before routing reached it is not routed (the command service refuses to classify a done
        // case): only an open one without SLA targets was lost
        long closedFirst = caseIds.stream().filter(id -> !routed.containsKey(id) && done(views.get(id))).count();
        long notRouted = caseIds.stream().filter(id -> !routed.containsKey(id) && !done(views.get(id))).count();
        DrillCheck.Notifications notifications = check.notifications(caseIds);
        Map<String, List<String>> mails = DrillCheck.mails(imapPort, Set.copyOf(notifications.emailDeliveries().values()));
        mails.keySet().retainAll(notifications.emailDeliveries().keySet());
        long mailsMissing = notifications.emailDeliveries().keySet().stream().filter(id -> !mails.containsKey(id)).count();
        // a mail sent again after a crash carries the delivery's Message-ID: the same notification, shown once
        long mailsTwice = mails.values().stream().filter(copies -> Set.copyOf(copies).size() > 1).count();
        long copiesAgain = mails.values().stream().mapToLong(copies -> copies.size() - 1L).sum();
        Map<Integer, Integer> answers = load.answers();
        long unexpected5xx = answers.entrySet().stream().filter(entry -> entry.getKey() >= 500 && entry.getKey() != 503)
                .mapToLong(Map.Entry::getValue).sum();

        List<String[]> rows = new ArrayList<>();
        rows.add(row("cases opened (201)", cases.size(), "", true));
        rows.add(row("comments accepted", load.comments(), "", true));
        rows.add(row("requests given up or refused", load.failed(), "must be 0", load.failed() == 0));
        rows.add(row("events in the store", storedIds.size(), "", true));
        rows.add(row("events on the topic (distinct)", topic.size(), "store events missing: " + missingOnTopic, missingOnTopic == 0));
        rows.add(row("events on the topic more than once", topicRepeats, "at-least-once publishing; consumers dedupe", true));
        rows.add(row("case views in the read model", views.size(), "behind the store: " + viewsBehind,
                views.size() == cases.size() && viewsBehind == 0));
        rows.add(row("read model vs a fresh rebuild", before + " / " + after, "rebuild " + rebuild
                + (differing.isEmpty() ? "" : ", cases differing: " + differing.size()),
                before.equals(after) && "SWITCHED".equals(rebuild)));
        rows.add(row("cases routed (SLA targets set)", routed.size(), "twice: " + routedTwice + ", open and never: "
                + notRouted + ", closed first: " + closedFirst,
                routedTwice == 0 && notRouted == 0));
        rows.add(row("notifications per (event, recipient)", notifications.planned().size(),
                "more than 1: " + notifications.duplicates() + ", unsent: " + notifications.unsent().size(),
                notifications.duplicates() == 0 && notifications.unsent().isEmpty()));
        rows.add(row("opened cases acknowledged to the customer", notifications.openingsAcknowledged(),
                "of " + notifications.casesOpened(), notifications.openingsAcknowledged() == notifications.casesOpened()));
        rows.add(row("mails in the catcher (distinct Message-IDs)", mails.size(),
                "missing: " + mailsMissing + ", two different: " + mailsTwice, mailsMissing == 0 && mailsTwice == 0));
        rows.add(row("copies sent again (same Message-ID)", copiesAgain, "a kill -9 between SMTP's 250 and the record",
                true));
        StringBuilder byStatus = new StringBuilder();
        answers.forEach((status, count) -> byStatus.append(byStatus.isEmpty() ? "" : ", ")
                .append(status == 0 ? "no answer" : status).append(": ").append(count));
        rows.add(row("responses by status", byStatus, "5xx other than 503: " + unexpected5xx,
                unexpected5xx == 0));
        rows.add(row("time to drain", drained == null ? "not within " + drainWithin : drained.toSeconds() + " s", "",
                drained != null));
        boolean ok = rows.stream().allMatch(row -> row[3].equals("ok"));
        print(rows);
        out.println(ok ? "drill: nothing lost, duplicated or different" : "drill: FAILED (see the rows marked FAIL)");
        out.flush();
        return ok ? 0 : 1;
    }

    /**
     * The cases whose view differs from the rebuilt one; the first few, with the fields that differ, are written to
     * {@code <home>/drill/differences.txt} (the drill's customers are made up: no one's data).
     */
    private List<String> differences(Map<String, JsonNode> live, Map<String, JsonNode> rebuilt) throws IOException {
        List<String> differing = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String caseId : live.keySet().stream().sorted().toList()) {
            JsonNode was = live.get(caseId);
            JsonNode now = rebuilt.get(caseId);
            if (!was.equals(now)) {
                differing.add(caseId);
                if (differing.size() <= 20) {
                    report.append(caseId).append('\n');
                    was.fieldNames().forEachRemaining(field -> {
                        if (now == null || !was.get(field).equals(now.get(field))) {
                            report.append("  ").append(field).append(": ").append(was.get(field)).append("\n  rebuilt: ")
                                    .append(now == null ? "(no view)" : now.get(field)).append('\n');
                        }
                    });
                }
            }
        }
        if (!differing.isEmpty()) {
            java.nio.file.Path file = home.resolve("drill").resolve("differences.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, report);
            out.printf("%d case views differ from the rebuild; the first are in %s%n", differing.size(), file);
        }
        return differing;
    }

    private static boolean done(JsonNode view) {
        return view != null && "done".equals(view.path("status").asText());
    }

    private static String[] row(String what, Object value, String detail, boolean ok) {
        return new String[] {what, String.valueOf(value), detail, ok ? "ok" : "FAIL"};
    }

    private void print(List<String[]> rows) {
        out.printf("%n| %-42s | %-34s | %-48s | %-4s |%n", "what", "count", "detail", "");
        out.printf("|%s|%s|%s|%s|%n", "-".repeat(44), "-".repeat(36), "-".repeat(50), "-".repeat(6));
        for (String[] row : rows) {
            out.printf("| %-42s | %-34s | %-48s | %-4s |%n", (Object[]) row);
        }
    }
}
