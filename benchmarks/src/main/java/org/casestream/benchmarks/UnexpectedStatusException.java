package org.casestream.benchmarks;

/** The service answered, but not with the status a successful operation gets. */
final class UnexpectedStatusException extends Exception {

    private final int status;

    UnexpectedStatusException(int status, String bodyExcerpt) {
        super("HTTP " + status + ": " + bodyExcerpt);
        this.status = status;
    }

    int status() {
        return status;
    }
}
