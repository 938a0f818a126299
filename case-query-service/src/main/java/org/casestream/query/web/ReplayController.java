package org.casestream.query.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.casestream.query.rebuild.ReplayJobs;

/** Ops: rebuild the read models into a new generation while the current one serves, then switch. */
@RestController
public class ReplayController {

    private final ReplayJobs jobs;

    public ReplayController(ReplayJobs jobs) {
        this.jobs = jobs;
    }

    public record ReplayRequest(@NotBlank String target, Long fromPosition) {
    }

    @Operation(operationId = "startReplay",
            summary = "Start a rebuild of every read model from the start of the topic (target read-models)")
    @PostMapping("/api/ops/replays")
    public ResponseEntity<ReplayJobs.ReplayJob> start(@Valid @RequestBody ReplayRequest request) {
        if (!ReplayJobs.READ_MODELS.equals(request.target())) {
            throw new InvalidRequest(List.of(new FieldError("target", "the query service rebuilds 'read-models'")));
        }
        if (request.fromPosition() != null) {
            throw new InvalidRequest(List.of(new FieldError("fromPosition",
                    "a rebuild always starts at the beginning of the topic")));
        }
        ReplayJobs.ReplayJob job = jobs.start();
        return ResponseEntity.accepted().location(URI.create("/api/ops/replays/" + job.jobId())).body(job);
    }

    @Operation(operationId = "getReplay", summary = "A rebuild's progress: events done, total, rate, ETA, state")
    @GetMapping("/api/ops/replays/{jobId}")
    public ReplayJobs.ReplayJob get(@PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> new NotFound("no replay job " + jobId));
    }
}
