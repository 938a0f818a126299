package org.casestream.notification.inbound;

/** Where this service's bearer token for the command service comes from (its client credentials, or a test's). */
public interface TokenSource {

    String bearerToken();
}
