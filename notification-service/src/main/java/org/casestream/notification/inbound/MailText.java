package org.casestream.notification.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What of a mail's text goes into the case thread: HTML turned into plain text (no markup at all: scripts, styles
 * and their content dropped, paragraphs and line breaks kept), and the quoted history below the new text folded
 * away (the "On ... wrote:" line and what follows, {@code >} lines, Outlook's "-----Original Message-----" and
 * "From: ... Sent: ..." blocks, Gmail's and Apple Mail's quote containers), in the manner of GitHub's
 * email_reply_parser. Pure functions: no I/O.
 */
public final class MailText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "tr", "table", "blockquote", "pre", "ul", "ol", "hr", "section", "article", "header", "footer", "dl",
            "dt", "dd", "address", "center", "form", "fieldset", "main", "nav", "aside", "figure");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
            "ol", "blockquote", "pre");
    /** Containers that hold only the quoted history, in the HTML of Gmail, Apple Mail, Thunderbird and Outlook. */
    private static final String QUOTE_CONTAINERS = ".gmail_quote, .gmail_extra, blockquote[type=cite], "
            + "div.moz-cite-prefix, #divRplyFwdMsg, #divRplyFwdMsg ~ *, #appendonsend, #appendonsend ~ *, "
            + ".yahoo_quoted";

    /** "On Tue, 3 Mar 2026 at 10:00, Ada <ada@example.com> wrote:" and its translations (one line, or two). */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On|Am|Le|El|Il|Op|Em)\\s.*\\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\\b.*:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(On|Am|Le|El|Il|Op|Em)\\s.+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            ".*\\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\\s*-{2,}.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\s*\\*?(Sent|Date|Gesendet|Envoyé)\\s*:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

    private MailText() {
    }

    /** Plain text of an HTML body: no element survives, only text with its paragraphs and line breaks. */
    public static String htmlToText(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.select("script, style, noscript, template, head, title, object, embed, iframe, svg").remove();
        document.select(QUOTE_CONTAINERS).remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    boolean preformatted = textNode.parent() instanceof Element parent
                            && ("pre".equals(parent.normalName()) || parent.closest("pre") != null);
                    String value = preformatted ? textNode.getWholeText()
                            : textNode.getWholeText().replaceAll("\\s+", " ");
                    if (!preformatted && endsWithBreak(text) && value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    text.append(value);
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if ("br".equals(name)) {
                        text.append('\n');
                    } else if (BLOCKS.contains(name)) {
                        newLine(text);
                        if ("li".equals(name)) {
                            text.append("- ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !"br".equals(element.normalName())) {
                    newLine(text);
                    if (PARAGRAPHS.contains(element.normalName())) {
                        text.append('\n');
                    }
                }
            }
        }, document.body());
        return tidy(text.toString());
    }

    /** The new text of a reply: everything from the first sign of quoted history on is left out. */
    public static String foldQuotedHistory(String text) {
        List<String> lines = List.of((text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n')
                .split("\n", -1));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (startsHistory(lines, i)) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return tidy(String.join("\n", kept));
    }

    private static boolean startsHistory(List<String> lines, int i) {
        String line = lines.get(i);
        if (ATTRIBUTION.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        // an attribution wrapped over two lines by the sender's client
        if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.size()
                && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        // Outlook: an optional line of underscores, then "From: ..." with "Sent: ..." (or "Date:") right below it
        int from = UNDERSCORES.matcher(line).matches() ? i + 1 : i;
        if (from < lines.size() && OUTLOOK_FROM.matcher(lines.get(from)).matches()) {
            for (int next = from + 1; next < Math.min(lines.size(), from + 5); next++) {
                if (OUTLOOK_SENT.matcher(lines.get(next)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static boolean endsWithBreak(StringBuilder text) {
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n';
    }

    /** Lines without trailing blanks, at most one empty line in a row, none at either end. */
    static String tidy(String text) {
        String joined = String.join("\n", text.lines().map(String::stripTrailing).toList());
        return joined.replaceAll("\n{3,}", "\n\n").strip();
    }
}
