package org.casestream.support.security;

/** Where a service's bearer token for calling another service comes from (its client credentials, or a test's). */
public interface TokenSource {

    String bearerToken();
}
