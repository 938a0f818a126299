package org.casestream.benchmarks.demo;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/** Made-up but plausible people and tickets: the same seed gives the same data. */
final class DemoData {

    static final List<String> QUEUES = List.of("Login", "Orders", "Deliveries", "Payments", "Refunds");
    static final List<String> CHANNELS = List.of("email", "web", "chat", "phone", "api");

    private static final List<String> FIRST = List.of("Amara", "Bruno", "Chen", "Dalia", "Emil", "Farah", "Gustav",
            "Hana", "Idris", "Jonas", "Keiko", "Lars", "Maya", "Nikos", "Olga", "Priya", "Quentin", "Rosa", "Sami",
            "Tilda", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zofia");
    private static final List<String> LAST = List.of("Andersen", "Baptiste", "Costa", "Dubois", "Eriksen", "Fischer",
            "García", "Horvat", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
            "Quinn", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Yilmaz", "Zimmermann");
    private static final List<String> STAFF = List.of("Grace Hopper", "Alan Turing", "Ada Byron", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Frances Allen", "Ken Thompson", "Margaret Hamilton", "Niklaus Wirth",
            "Radia Perlman", "Tony Hoare", "Katherine Johnson", "John Backus", "Lynn Conway", "Dennis Ritchie");

    /** Per queue: subjects and descriptions that routing's default rules classify into it. */
    private static final List<List<String[]>> TICKETS = List.of(
            List.of(
                    new String[] {"Cannot log in after the update", "Since this morning the app says my password is wrong, but it is the one I always use."},
                    new String[] {"Password reset mail never arrives", "I requested a reset three times and nothing came, not even in spam."},
                    new String[] {"Account locked", "After two attempts my account locked and I cannot sign in to pay my invoice."},
                    new String[] {"2FA code not accepted", "The code from my authenticator app is rejected every time I try to sign in."}),
            List.of(
                    new String[] {"Please cancel my order", "I ordered the wrong size, please cancel it before it ships."},
                    new String[] {"Order shows as pending for days", "My order from last week still says pending. Is there a problem?"},
                    new String[] {"Checkout fails at the last step", "Checkout keeps spinning and never confirms the order."},
                    new String[] {"Change the address on my order", "Can I still change where my order goes? I moved last week."}),
            List.of(
                    new String[] {"Parcel not delivered", "Tracking says delivered but there is no parcel at my door or with neighbours."},
                    new String[] {"Delivery is late", "The delivery was promised for Monday and it is Thursday now."},
                    new String[] {"Courier damaged the package", "The package arrived crushed and the item inside is broken."},
                    new String[] {"Tracking number does not work", "The courier's site does not know my tracking number."}),
            List.of(
                    new String[] {"I was charged twice", "My card statement shows the same payment twice for one order."},
                    new String[] {"Invoice has the wrong VAT number", "Please correct the VAT number on my latest invoice."},
                    new String[] {"Card payment declined", "My card works everywhere else but the payment is declined here."},
                    new String[] {"Billing address cannot be saved", "The billing form forgets my address every time."}),
            List.of(
                    new String[] {"Refund not received", "I returned the item two weeks ago and still have no refund."},
                    new String[] {"How do I get my money back", "The product is not what was described, I would like my money back."},
                    new String[] {"Returned item, refund missing", "The return was accepted, but the refund never showed up."},
                    new String[] {"Partial refund only", "I got only half of the refund I was promised for the returned goods."}));

    /** The team's shared macros (canned responses with placeholders, and what else each does); the first is "on it". */
    static final List<Map<String, Object>> MACROS = List.of(
            Map.of("name", "We are on it", "scope", "shared", "visibility", "public",
                    "body", "Hello {{customer.firstName}},\n\nthank you for writing to us about \"{{case.subject}}\" "
                            + "({{case.number}}). We are looking into it and will get back to you shortly.\n\n{{agent.name}}",
                    "actions", Map.of("status", "inprogress")),
            Map.of("name", "Need more details", "scope", "shared", "visibility", "public",
                    "body", "Hello {{customer.firstName}},\n\nto help you with {{case.number}} we need a little more: "
                            + "could you send us your order number and a screenshot of what you see?\n\n{{agent.name}}",
                    "actions", Map.of("tags", List.of("waiting-on-customer"))),
            Map.of("name", "Refund issued", "scope", "shared", "visibility", "public",
                    "body", "Hello {{customer.firstName}},\n\nwe have issued the refund for {{case.number}}; it shows "
                            + "on your statement within five business days.\n\n{{agent.name}}",
                    "actions", Map.of("status", "done", "tags", List.of("refund"),
                            "note", "Refund issued by {{agent.name}}: check the payment provider if {{customer.name}} "
                                    + "writes again.")),
            Map.of("name", "Second look, please", "scope", "shared", "visibility", "internal",
                    "body", "Needs a second look from the {{case.queue}} team: {{customer.name}} is waiting on "
                            + "{{case.number}}.",
                    "actions", Map.of("priority", "high")));

    private static final List<String> REPLIES = List.of(
            "Thanks for reaching out, we are looking into it right now.",
            "Sorry for the trouble. Could you tell us when this started?",
            "We have found the cause and a fix is on its way.",
            "I have passed this on to the team responsible and will update you today.",
            "All sorted on our side. Please let us know if anything else comes up.");
    private static final List<String> NOTES = List.of(
            "Customer contacted us about this before, see the earlier case.",
            "Checked the logs: the request reached us, waiting for the provider.",
            "Escalate if there is no answer from the carrier by tomorrow.",
            "Looks like the known issue from last week's release.");

    record Customer(String name, String email, String tier) {
    }

    record Ticket(String queue, String subject, String description) {
    }

    private final Random random;

    DemoData(long seed) {
        this.random = new Random(seed);
    }

    List<Customer> customers(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String email = ascii(first + "." + last).toLowerCase(Locale.ROOT) + (i + 1) + "@example.com";
            int roll = random.nextInt(100);
            String tier = roll < 10 ? "platinum" : roll < 30 ? "gold" : "standard";
            return new Customer(first + " " + last, email, tier);
        }).toList();
    }

    String staffName(int index) {
        return STAFF.get(index % STAFF.size()) + (index >= STAFF.size() ? " " + (index / STAFF.size() + 1) : "");
    }

    Ticket ticket() {
        int queue = random.nextInt(QUEUES.size());
        List<String[]> options = TICKETS.get(queue);
        String[] ticket = options.get(random.nextInt(options.size()));
        boolean urgent = random.nextInt(12) == 0;
        return new Ticket(QUEUES.get(queue), (urgent ? "URGENT: " : "") + ticket[0], ticket[1]);
    }

    String reply() {
        return REPLIES.get(random.nextInt(REPLIES.size()));
    }

    String note() {
        return NOTES.get(random.nextInt(NOTES.size()));
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int percent() {
        return random.nextInt(100);
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
