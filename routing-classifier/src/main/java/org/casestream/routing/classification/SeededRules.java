package org.casestream.routing.classification;

import java.util.List;

import org.casestream.events.Queue;

/**
 * The classification rules a fresh site starts with (routing's V2 migration seeds them; admins change them
 * there), for the tests and the classification benchmark to compare the rules alone with the classifier.
 */
public final class SeededRules {

    public static final List<ClassificationRule> RULES = List.of(
            rule(1, 10, Queue.REFUNDS, MatchKind.KEYWORD, "refund"),
            rule(2, 11, Queue.REFUNDS, MatchKind.PHRASE, "money back"),
            rule(3, 12, Queue.REFUNDS, MatchKind.REGEX, "\\breturn(ed|ing)?\\b"),
            rule(4, 20, Queue.PAYMENTS, MatchKind.PHRASE, "charged twice"),
            rule(5, 21, Queue.PAYMENTS, MatchKind.REGEX, "\\b(payment|invoice|billing|card|charged?)\\b"),
            rule(6, 30, Queue.DELIVERIES, MatchKind.REGEX,
                    "\\b(deliver(y|ed)?|shipping|parcel|courier|tracking|package)\\b"),
            rule(7, 40, Queue.LOGIN, MatchKind.REGEX, "\\b(log ?in|sign ?in|password|2fa|locked out)\\b"),
            rule(8, 41, Queue.LOGIN, MatchKind.PHRASE, "account locked"),
            rule(9, 50, Queue.ORDERS, MatchKind.REGEX, "\\b(order(s|ed)?|checkout|cancel)\\b"));

    private SeededRules() {
    }

    private static ClassificationRule rule(long id, int position, Queue queue, MatchKind kind, String pattern) {
        return new ClassificationRule(id, position, queue, kind, pattern, false);
    }
}
