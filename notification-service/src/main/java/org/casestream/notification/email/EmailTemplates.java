package org.casestream.notification.email;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casestream.notification.rules.Trigger;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The email text of each trigger, one Mustache template per trigger and reader ({@code templates/email/customer}
 * for customers, {@code templates/email/staff} for agents and leads). A template's first line is the subject,
 * which always carries the case number so replies thread; the rest is the plain-text body.
 */
@Component
public class EmailTemplates {

    /** Plain text mail: nothing to escape, and a missing value renders as nothing rather than failing. */
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public record RenderedEmail(String template, String subject, String body) {
    }

    public RenderedEmail render(Trigger trigger, boolean forCustomer, Map<String, Object> model) {
        String name = (forCustomer ? "customer/" : "staff/") + trigger.wire();
        String text = compiled.computeIfAbsent(name, this::load).execute(model);
        int endOfSubject = text.indexOf('\n');
        String subject = endOfSubject < 0 ? text : text.substring(0, endOfSubject);
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1);
        // a subject is one line whatever the case's own subject holds (no header injection)
        return new RenderedEmail(name, subject.replaceAll("[\\r\\n]+", " ").strip(), body);
    }

    public static boolean exists(Trigger trigger, boolean forCustomer) {
        return new ClassPathResource(path((forCustomer ? "customer/" : "staff/") + trigger.wire())).exists();
    }

    private Template load(String name) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path(name)).getInputStream(),
                StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no email template " + name, e);
        }
    }

    private static String path(String name) {
        return "templates/email/" + name + ".mustache";
    }
}
