package org.casestream.gateway.apikeys;

import java.time.Instant;
import java.util.UUID;

/** A channel's API key as stored and listed: never the key itself. */
public record ApiKey(UUID id, String name, String channel, String createdBy, Instant createdAt, Instant revokedAt) {
}
