package org.casestream.routing.commands;

/** Where the routing service's bearer token for the command service comes from (local key, or a real issuer). */
public interface TokenSource {

    String bearerToken();
}
