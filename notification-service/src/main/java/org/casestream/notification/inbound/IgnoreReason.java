package org.casestream.notification.inbound;

/**
 * Why a received message opens no case and gets no answer: it was sent by a machine, to many, or by ourselves.
 * {@code answersAutomatically}: the customer's own side answered by itself (an out-of-office, an auto-reply, a
 * bounce): their case then gets no more automatic mail from us.
 */
public enum IgnoreReason {
    /** RFC 3834 {@code Auto-Submitted} other than {@code no}. */
    AUTO_SUBMITTED("auto-submitted", true),
    /** An auto-responder's own headers ({@code X-Autoreply}, {@code X-Autorespond}, {@code Precedence: auto_reply}). */
    AUTO_REPLY("auto-reply", true),
    /** "Automatic reply:", "Out of Office:" and the like in the subject, with no header saying so. */
    OUT_OF_OFFICE("out-of-office", true),
    /** A delivery status or disposition notification ({@code multipart/report}). */
    DELIVERY_REPORT("delivery-report", true),
    /** From MAILER-DAEMON or postmaster, or with an empty return path ({@code Return-Path: <>}). */
    BOUNCE("bounce", true),
    /** {@code Precedence: bulk | junk | list}. */
    BULK("bulk", false),
    /** {@code List-Id}, {@code List-Unsubscribe} or {@code List-Post}. */
    MAILING_LIST("mailing-list", false),
    /** {@code X-Auto-Response-Suppress}: the sender asked for no automatic answer (Exchange's automatic mail). */
    AUTO_RESPONSE_SUPPRESSED("auto-response-suppressed", false),
    /** Our own mail coming back: our Message-ID domain, {@code X-Loop}, or from one of our own addresses. */
    OWN_MAIL("own-mail", false),
    /** No usable sender address to answer or to name the customer by. */
    NO_SENDER("no-sender", false),
    /** The command service refused what the message made of it (400/422): trying again would not help. */
    REFUSED("refused", false);

    private final String wire;
    private final boolean answersAutomatically;

    IgnoreReason(String wire, boolean answersAutomatically) {
        this.wire = wire;
        this.answersAutomatically = answersAutomatically;
    }

    public String wire() {
        return wire;
    }

    public boolean answersAutomatically() {
        return answersAutomatically;
    }
}
