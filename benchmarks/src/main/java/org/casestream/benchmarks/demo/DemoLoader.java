package org.casestream.benchmarks.demo;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.benchmarks.demo.GatewayApi.Answer;
import org.casestream.benchmarks.demo.GatewayApi.Credentials;
import org.casestream.benchmarks.demo.GatewayApi.DemoFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Loads demo data into a running Casestream through the gateway's public API only, as an admin, a team and its
 * channels would: people for every role, agents with skills (online), an API key per channel, the lead's shared
 * macros, a few hundred tickets across queues, channels and tiers, then replies, internal notes, customer replies,
 * escalations, work in progress (some of it by a macro), closed cases, and ratings that customers give through the
 * survey link of their done-mail (read from their mailbox on the local mail server, answered without a login), and
 * two weeks of closed cases before today through the import API, so analytics have history. Run it
 * with {@code ./casestream demo}. Writes are idempotent per seed:
 * running it again with the same {@code --seed} adds no second copy of a ticket.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Loads demo data through the gateway's public API (./casestream demo).")
public final class DemoLoader implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The gateway (default: ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--admin", defaultValue = "admin", description = "The admin to log in as (default: ${DEFAULT-VALUE}).")
    private String admin;

    @Option(names = "--password", defaultValue = "${env:CASESTREAM_ADMIN_PASSWORD}",
            description = "The admin's password (default: $CASESTREAM_ADMIN_PASSWORD).")
    private String password;

    @Option(names = "--demo-password", defaultValue = "casestream-demo", paramLabel = "PASSWORD",
            description = "Password of the demo people (default: ${DEFAULT-VALUE}).")
    private String demoPassword;

    @Option(names = "--tickets", defaultValue = "300", description = "Tickets to post (default: ${DEFAULT-VALUE}).")
    private int tickets;

    @Option(names = "--agents", defaultValue = "8", description = "Agents (users agent1..agentN) (default: ${DEFAULT-VALUE}).")
    private int agents;

    @Option(names = "--customers", defaultValue = "120", description = "Distinct customers (default: ${DEFAULT-VALUE}).")
    private int customers;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--imap-host", defaultValue = "localhost",
            description = "The mail server customers read their mail from (default: ${DEFAULT-VALUE}).")
    private String imapHost;

    @Option(names = "--imap-port", defaultValue = "${env:CASESTREAM_IMAP_PORT:-3143}",
            description = "Its IMAP port (default: $CASESTREAM_IMAP_PORT or 3143).")
    private int imapPort;

    @Option(names = "--ratings", defaultValue = "25",
            description = "Customers who rate their resolved case through the survey link (default: ${DEFAULT-VALUE}).")
    private int ratings;

    @Option(names = "--history-days", defaultValue = "14",
            description = "Days of closed cases before today, brought over by the import API (default: ${DEFAULT-VALUE}).")
    private int historyDays;

    @Option(names = "--history-per-day", defaultValue = "12",
            description = "Closed cases per day of history (default: ${DEFAULT-VALUE}).")
    private int historyPerDay;

    /** How long the customers wait for their done-mails. */
    private static final Duration MAIL_PATIENCE = Duration.ofSeconds(90);

    private GatewayApi api;
    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoLoader()).execute(args));
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        if (password == null || password.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the admin's password: --password or CASESTREAM_ADMIN_PASSWORD");
        }
        if (tickets < 1 || agents < 1 || customers < 1 || concurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--tickets, --agents, --customers and --concurrency must be positive");
        }
        api = new GatewayApi(url);
        Instant started = Instant.now();
        try {
            Credentials adminToken = Credentials.bearer(api.login(admin, password));
            DemoData data = new DemoData(seed);
            List<String> agentUsers = people(adminToken);
            Map<String, String> agentIds = new LinkedHashMap<>();
            int registered = registerAgents(adminToken, data, agentIds);
            linkLogins(adminToken, data, agentIds);
            Map<String, Credentials> keys = apiKeys(adminToken);
            importHistory(adminToken, List.copyOf(agentIds.values()));
            String onIt = macros();
            List<Opened> opened = postTickets(keys, data);
            Map<String, Integer> work = workCases(opened, keys, agentUsers, data, onIt);
            summary(opened.size(), registered, work, Duration.between(started, Instant.now()));
            return 0;
        } catch (DemoFailure e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage());
            return 1;
        }
    }

    /** agent1..agentN, lead, manager, ops with the demo password; an existing one gets it (and its role) again. */
    private List<String> people(Credentials adminToken) {
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 1; i <= agents; i++) {
            people.put("agent" + i, "agent");
        }
        people.put("lead", "lead");
        people.put("manager", "manager");
        people.put("ops", "ops");
        DemoData names = new DemoData(seed);
        int index = 0;
        for (Map.Entry<String, String> person : people.entrySet()) {
            String displayName = names.staffName(index++);
            Answer created = api.call("POST", "/api/admin/users", adminToken, Map.of("username", person.getKey(),
                    "displayName", displayName, "password", demoPassword, "roles", List.of(person.getValue())), null);
            if (!created.ok()) {
                Answer updated = api.call("PATCH", "/api/admin/users/" + person.getKey(), adminToken,
                        Map.of("password", demoPassword, "roles", List.of(person.getValue()), "disabled", false), null);
                if (!updated.ok()) {
                    throw new DemoFailure("cannot create user " + person.getKey() + " (HTTP " + created.status()
                            + ", then " + updated.status() + " updating it): " + problem(created));
                }
            }
        }
        out.printf("people: %d agents, a lead, a manager and ops%n", agents);
        return people.entrySet().stream().filter(p -> p.getValue().equals("agent")).map(Map.Entry::getKey).toList();
    }

    /** Agents with two or three skills each, online; the lead is skilled 5 in every queue (escalations go there). */
    private int registerAgents(Credentials adminToken, DemoData data, Map<String, String> idsByName) {
        Set<String> existing = new HashSet<>();
        Answer known = api.call("GET", "/api/agents", adminToken, null, null);
        if (known.ok()) {
            known.body().forEach(agent -> {
                existing.add(agent.path("name").asText());
                idsByName.put(agent.path("name").asText(), agent.path("agentId").asText());
            });
        }
        int registered = 0;
        for (int i = 0; i <= agents; i++) {
            boolean lead = i == agents;
            String name = data.staffName(i) + (lead ? " (lead)" : "");
            List<Map<String, Object>> skills = new ArrayList<>();
            for (int q = 0; q < DemoData.QUEUES.size(); q++) {
                if (lead) {
                    skills.add(Map.of("queue", DemoData.QUEUES.get(q), "level", 5));
                } else if (q == i % DemoData.QUEUES.size() || q == (i + 2) % DemoData.QUEUES.size() || data.percent() < 20) {
                    skills.add(Map.of("queue", DemoData.QUEUES.get(q), "level", 1 + data.percent() % 4));
                }
            }
            if (existing.contains(name)) {
                continue;
            }
            String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "")
                    + "@support.example.com";
            Answer agent = api.call("POST", "/api/agents", adminToken,
                    Map.of("name", name, "email", email, "skills", skills, "capacity", lead ? 10 : 15), null);
            if (!agent.ok()) {
                throw new DemoFailure("cannot register agent " + name + " (HTTP " + agent.status() + "): " + problem(agent));
            }
            String agentId = agent.body().path("agentId").asText();
            idsByName.put(name, agentId);
            Answer online = api.call("PUT", "/api/agents/" + agentId + "/availability", adminToken,
                    Map.of("availability", i % 7 == 6 ? "away" : "online"), null);
            if (!online.ok()) {
                throw new DemoFailure("cannot set agent " + name + " online (HTTP " + online.status() + ")");
            }
            registered++;
        }
        out.printf("agents: %d registered (%d already there), most of them online%n", registered, existing.size());
        return registered;
    }

    /** agent1..agentN and the lead work as the agent records of their names: their logins are linked to them. */
    private void linkLogins(Credentials adminToken, DemoData data, Map<String, String> idsByName) {
        for (int i = 0; i <= agents; i++) {
            boolean lead = i == agents;
            String agentId = idsByName.get(data.staffName(i) + (lead ? " (lead)" : ""));
            String username = lead ? "lead" : "agent" + (i + 1);
            if (agentId == null) {
                continue;
            }
            Answer linked = api.call("PATCH", "/api/admin/users/" + username, adminToken, Map.of("agentId", agentId), null);
            if (!linked.ok()) {
                throw new DemoFailure("cannot link " + username + " to their agent (HTTP " + linked.status() + "): "
                        + problem(linked));
            }
        }
    }

    /** A fresh API key per channel; the demo's keys from an earlier run are revoked. */
    private Map<String, Credentials> apiKeys(Credentials adminToken) {
        Answer known = api.call("GET", "/api/admin/api-keys", adminToken, null, null);
        if (known.ok()) {
            for (JsonNode key : known.body()) {
                if (key.path("name").asText().startsWith("demo-") && !key.path("revoked").asBoolean(false)
                        && key.path("revokedAt").isMissingNode()) {
                    api.call("DELETE", "/api/admin/api-keys/" + key.path("id").asText(), adminToken, null, null);
                }
            }
        }
        Map<String, Credentials> keys = new LinkedHashMap<>();
        for (String channel : DemoData.CHANNELS) {
            Answer key = api.call("POST", "/api/admin/api-keys", adminToken,
                    Map.of("name", "demo-" + channel, "channel", channel), null);
            if (!key.ok()) {
                throw new DemoFailure("cannot create an API key for " + channel + " (HTTP " + key.status() + "): " + problem(key));
            }
            keys.put(channel, Credentials.apiKey(key.body().path("key").asText()));
        }
        out.printf("API keys: one per channel %s%n", DemoData.CHANNELS);
        return keys;
    }

    /** The team's shared macros, kept by the lead: the ones missing are created. The id of "We are on it". */
    private String macros() {
        Credentials lead = Credentials.bearer(api.login("lead", demoPassword));
        Map<String, String> shared = new LinkedHashMap<>();
        Answer known = api.call("GET", "/api/macros", lead, null, null);
        if (!known.ok()) {
            throw new DemoFailure("cannot list the macros (HTTP " + known.status() + "): " + problem(known));
        }
        known.body().forEach(macro -> {
            if (macro.path("scope").asText().equals("shared")) {
                shared.put(macro.path("name").asText(), macro.path("macroId").asText());
            }
        });
        int created = 0;
        for (Map<String, Object> macro : DemoData.MACROS) {
            String name = (String) macro.get("name");
            if (!shared.containsKey(name)) {
                Answer answer = api.call("POST", "/api/macros", lead, macro, null);
                if (!answer.ok()) {
                    throw new DemoFailure("cannot create the macro " + name + " (HTTP " + answer.status() + "): "
                            + problem(answer));
                }
                shared.put(name, answer.body().path("macroId").asText());
                created++;
            }
        }
        out.printf("macros: %d shared ones made by the lead (%d already there)%n", DemoData.MACROS.size(),
                DemoData.MACROS.size() - created);
        return shared.get((String) DemoData.MACROS.getFirst().get("name"));
    }

    /** Closed cases of the days before today, with the instants they had, through {@code POST /api/imports/cases}. */
    private void importHistory(Credentials adminToken, List<String> agentIds) {
        if (historyDays < 1 || historyPerDay < 1 || agentIds.isEmpty()) {
            return;
        }
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Runnable> imports = new ArrayList<>();
        for (Map<String, Object> body : new DemoHistory(seed).cases(historyDays, historyPerDay, customers, agentIds,
                Instant.now())) {
            imports.add(() -> {
                Answer answer = api.call("POST", "/api/imports/cases", adminToken, body, null);
                if (answer.ok()) {
                    imported.incrementAndGet();
                } else if (failed.incrementAndGet() == 1) {
                    out.printf("history: an import was refused: %s%n", problem(answer));
                }
            });
        }
        runAll(imports);
        out.printf("history: %d closed cases over the %d days before today, imported with their times%s%n",
                imported.get(), historyDays, failed.get() == 0 ? "" : " (" + failed.get() + " refused)");
    }

    private record Opened(int index, String caseId, String caseNumber, String channel, String email) {
    }

    private List<Opened> postTickets(Map<String, Credentials> keys, DemoData data) {
        List<DemoData.Customer> people = data.customers(customers);
        ConcurrentLinkedQueue<Opened> opened = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<Runnable> posts = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            int index = i;
            DemoData.Customer customer = data.pick(people);
            DemoData.Ticket ticket = data.ticket();
            String channel = data.pick(DemoData.CHANNELS);
            posts.add(() -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("customer", Map.of("name", customer.name(), "email", customer.email(), "tier", customer.tier()));
                body.put("subject", ticket.subject());
                body.put("description", ticket.description());
                body.put("externalRef", "DEMO-" + seed + "-" + index);
                Answer answer = api.call("POST", "/api/intake/tickets", keys.get(channel), body, "demo-" + seed + "-ticket-" + index);
                if (answer.ok()) {
                    opened.add(new Opened(index, answer.body().path("caseId").asText(),
                            answer.body().path("caseNumber").asText(), channel, customer.email()));
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        runAll(posts);
        if (opened.isEmpty()) {
            throw new DemoFailure("no ticket was accepted (" + failed.get() + " refused)");
        }
        out.printf("tickets: %d posted through intake with the channels' API keys%s%n", opened.size(),
                failed.get() == 0 ? "" : " (" + failed.get() + " refused)");
        return opened.stream().sorted(java.util.Comparator.comparingInt(Opened::index)).toList();
    }

    /**
     * Replies, internal notes, customer replies, escalations, work in progress (one case in twelve by the "We are on
     * it" macro), done; then the first {@code --ratings} resolved cases' customers rate them from their done-mail.
     */
    private Map<String, Integer> workCases(List<Opened> opened, Map<String, Credentials> keys, List<String> agentUsers,
            DemoData data, String onItMacro) {
        List<Credentials> agentTokens = agentUsers.stream().map(user -> Credentials.bearer(api.login(user, demoPassword))).toList();
        Credentials lead = Credentials.bearer(api.login("lead", demoPassword));
        Map<String, AtomicInteger> counts = new LinkedHashMap<>();
        for (String what : List.of("replies", "internal notes", "customer replies", "escalations", "in progress",
                "macros applied", "done", "rated")) {
            counts.put(what, new AtomicInteger());
        }
        List<Runnable> work = new ArrayList<>();
        ConcurrentLinkedQueue<SurveyAnswers.Wanted> toRate = new ConcurrentLinkedQueue<>();
        for (Opened ticket : opened) {
            Credentials agent = data.pick(agentTokens);
            String prefix = "demo-" + seed + "-" + ticket.index() + "-";
            String path = "/api/cases/" + ticket.caseId();
            boolean reply = data.percent() < 55;
            boolean note = data.percent() < 25;
            boolean customerReply = data.percent() < 10;
            boolean escalate = data.percent() < 3;
            int progress = data.percent();
            int rating = 2 + data.percent() % 4;
            String replyText = data.reply();
            String noteText = data.note();
            boolean byMacro = ticket.index() % 12 == 5;
            work.add(() -> {
                if (byMacro) {
                    count(counts, "macros applied", api.call("POST", path + "/macros/" + onItMacro, agent, null,
                            prefix + "macro"));
                } else if (progress < 50) {
                    count(counts, "in progress", api.call("POST", path + "/status", agent, Map.of("status", "inprogress"), prefix + "progress"));
                }
                if (reply) {
                    count(counts, "replies", api.call("POST", path + "/comments", agent,
                            Map.of("body", replyText, "visibility", "public"), prefix + "reply"));
                }
                if (note) {
                    count(counts, "internal notes", api.call("POST", path + "/comments", agent,
                            Map.of("body", noteText, "visibility", "internal"), prefix + "note"));
                }
                if (customerReply) {
                    count(counts, "customer replies", api.call("POST", "/api/intake/replies", keys.get(ticket.channel()),
                            Map.of("caseNumber", ticket.caseNumber(), "body", "Any news on this? It is still not working."),
                            prefix + "customer-reply"));
                }
                if (escalate) {
                    count(counts, "escalations", api.call("POST", path + "/escalations", lead,
                            Map.of("reason", "Customer waited too long"), prefix + "escalation"));
                }
                if (progress < 30 && !customerReply
                        && count(counts, "done", api.call("POST", path + "/status", agent, Map.of("status", "done"), prefix + "done"))) {
                    // the customer rates it from the survey link of the done-mail the case now sends them
                    toRate.add(new SurveyAnswers.Wanted(ticket.caseNumber(), ticket.email(), rating, COMMENTS.get(rating)));
                }
            });
        }
        runAll(work);
        counts.get("rated").set(rate(toRate.stream().limit(Math.max(0, ratings)).toList()));
        Map<String, Integer> result = new LinkedHashMap<>();
        counts.forEach((what, count) -> result.put(what, count.get()));
        return result;
    }

    private static final Map<Integer, String> COMMENTS = Map.of(2, "It works now, but it took a while",
            3, "Solved in the end", 4, "Quick and clear, thanks", 5, "Fixed within the hour, thank you!");

    /** The customers' survey answers; none when the mail server cannot be read (said, not fatal). */
    private int rate(List<SurveyAnswers.Wanted> wanted) {
        if (wanted.isEmpty()) {
            return 0;
        }
        try {
            return new SurveyAnswers(api, imapHost, imapPort).answer(wanted, MAIL_PATIENCE);
        } catch (SurveyAnswers.MailAway away) {
            out.printf("ratings: none (%s)%n", away.getMessage());
            return 0;
        }
    }

    private static boolean count(Map<String, AtomicInteger> counts, String what, Answer answer) {
        if (answer.ok()) {
            counts.get(what).incrementAndGet();
        }
        return answer.ok();
    }

    private void runAll(List<Runnable> tasks) {
        Semaphore inFlight = new Semaphore(concurrency);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                inFlight.acquireUninterruptibly();
                futures.add(executor.submit(() -> {
                    try {
                        task.run();
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof DemoFailure failure) {
                        throw failure;
                    }
                    throw new DemoFailure("a request failed: " + e.getCause().getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoFailure("interrupted");
                }
            }
        }
    }

    private void summary(int opened, int registered, Map<String, Integer> work, Duration took) {
        out.printf("work: %s%n", work);
        out.println();
        out.printf("Demo data loaded in %d s through %s%n", took.toSeconds(), url);
        out.printf("  dashboard  %s%n", url);
        out.printf("  log in as  agent1 .. agent%d, lead, manager, ops   password: %s%n", agents, demoPassword);
        out.printf("             (admin keeps its own password)%n");
        out.flush();
    }

    private static String problem(Answer answer) {
        JsonNode body = answer.body();
        if (body == null || body.isNull()) {
            return "(no body)";
        }
        String detail = body.path("detail").asText(body.path("title").asText(""));
        JsonNode errors = body.path("errors");
        return errors.isMissingNode() ? detail : detail + " " + errors;
    }
}
