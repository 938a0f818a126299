package org.casestream.query.rebuild;

import java.util.Optional;

import org.casestream.support.events.DeadLetters;
import org.casestream.support.web.Conflict;
import org.springframework.stereotype.Service;

/**
 * The events the projection parked (in the consumer's dead-letter topic, shared by every generation and instance),
 * listed for ops and retried through the served generation's consumer. Not during a rebuild: a retry goes to the
 * served generation only, and the rebuilt one, which parked the same events for itself, would never get them.
 */
@Service
public class ParkedEvents {

    private final Projections projections;
    private final ReplayJobs replays;

    public ParkedEvents(Projections projections, ReplayJobs replays) {
        this.projections = projections;
        this.replays = replays;
    }

    public DeadLetters.Listing list(int limit) {
        return deadLetters().list(limit);
    }

    /** @throws Conflict while a rebuild runs, here or on another instance */
    public DeadLetters.Retried retry() {
        Optional<ReplayJobs.ReplayJob> rebuild = replays.running();
        if (rebuild.isPresent()) {
            throw new Conflict("rebuild-running", "a rebuild of the read models runs (job " + rebuild.get().jobId()
                    + "); retry the parked events once it has switched");
        }
        return deadLetters().retry();
    }

    private DeadLetters deadLetters() {
        var live = projections.live();
        if (live == null) {
            throw new NotStarted();
        }
        return live.deadLetters();
    }

    /** The web server answers before the projection has started (it starts last). */
    public static final class NotStarted extends RuntimeException {
        NotStarted() {
            super("the projection has not started yet", null, false, false);
        }
    }
}
