package org.casestream.routing.sla;

import java.time.Instant;

public record SlaDue(Instant firstResponseDue, Instant resolutionDue, String policy) {
}
