package org.casestream.systemtests;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The customers a run uses. Each has a distinctive generated name and address, never seen in any other text,
 * so that the log scan can look for every one of them in every log line of the run.
 */
public final class Customers {

    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";
    private static final String VOWELS = "aeiouy";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Customer(String name, String email, String tier) {

        /** The intake body's {@code customer} object. */
        public Map<String, String> body() {
            return Map.of("name", name, "email", email, "tier", tier);
        }

        /** What must not appear in a log: the full name, the surname and the address (and its local part). */
        public List<String> secrets() {
            String surname = name.substring(name.indexOf(' ') + 1);
            return List.of(name, surname, email, email.substring(0, email.indexOf('@')));
        }
    }

    private final List<Customer> used = new CopyOnWriteArrayList<>();

    /** A new customer, remembered for the log scan. */
    public Customer next(String tier) {
        String first = capitalised(word(3));
        String last = capitalised(word(5)) + "-" + capitalised(word(4));
        String email = (first + "." + last.replace("-", "")).toLowerCase(Locale.ROOT) + "@mail.example.test";
        Customer customer = new Customer(first + " " + last, email, tier);
        used.add(customer);
        return customer;
    }

    public List<Customer> used() {
        return List.copyOf(used);
    }

    /** A made-up pronounceable word of {@code syllables} consonant-vowel pairs: no real name is that long. */
    private static String word(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            word.append(VOWELS.charAt(RANDOM.nextInt(VOWELS.length())));
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
