package org.casestream.support.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without its messages: database and serializer messages quote the data
 * they failed on (customer names, emails, comment bodies), and PII must never reach a log. What is kept is
 * each cause's type and the frame it was thrown from.
 */
public final class Redacted {

    private Redacted() {
    }

    public static String causes(Throwable failure) {
        List<String> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && causes.size() < 10; cause = cause.getCause()) {
            StackTraceElement[] frames = cause.getStackTrace();
            causes.add(cause.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]));
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(" <- ", causes);
    }
}
