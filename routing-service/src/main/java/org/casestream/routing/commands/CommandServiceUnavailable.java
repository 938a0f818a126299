package org.casestream.routing.commands;

/**
 * The command service could not be reached or failed (network, 5xx, 401/403 while keys rotate, open circuit)
 * after the retries: the decision has not been applied and must be tried again later.
 */
public class CommandServiceUnavailable extends RuntimeException {

    public CommandServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
