package org.casestream.benchmarks;

/** One closed-loop client: performs one operation per call; an exception counts as an error. */
interface LoadClient extends AutoCloseable {

    void execute() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
