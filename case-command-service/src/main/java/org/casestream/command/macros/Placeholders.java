package org.casestream.command.macros;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a macro's text may hold ({@code {{customer.name}}}, spaces inside the braces allowed) and how
 * they are filled in: in one pass, each value as the plain text it is, so a value that itself looks like a
 * placeholder (a customer named "{{agent.name}}") or like markup is never read again. The result is stored as
 * comment text, as every comment is, and shown as text.
 */
public final class Placeholders {

    public static final String CUSTOMER_NAME = "customer.name";
    public static final String CUSTOMER_FIRST_NAME = "customer.firstName";
    public static final String CUSTOMER_EMAIL = "customer.email";
    public static final String CASE_NUMBER = "case.number";
    public static final String CASE_SUBJECT = "case.subject";
    public static final String CASE_QUEUE = "case.queue";
    public static final String AGENT_NAME = "agent.name";

    /** Every placeholder, in the order the API lists them. */
    public static final List<String> NAMES = List.of(CUSTOMER_NAME, CUSTOMER_FIRST_NAME, CUSTOMER_EMAIL, CASE_NUMBER,
            CASE_SUBJECT, CASE_QUEUE, AGENT_NAME);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {
    }

    /** The placeholders in {@code text} that are none of {@link #NAMES}, each once, in the order they appear. */
    public static List<String> unknownIn(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /** {@code text} with each known placeholder replaced by its value (a missing value is empty). */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = NAMES.contains(name) ? values.getOrDefault(name, "") : matcher.group();
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    /** A person's first name as a greeting uses it: the first word of their name. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+", 2)[0];
    }
}
