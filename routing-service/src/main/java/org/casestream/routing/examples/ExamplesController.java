package org.casestream.routing.examples;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.events.Queue;
import org.casestream.routing.config.RoutingConfigStore;
import org.casestream.routing.classification.Example;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins see, add and remove the examples that describe each queue to the classifier (queue Unclassified: a
 * message of no queue). What agents taught by re-queueing is listed too, by case; it changes only by re-queueing.
 */
@RestController
public class ExamplesController {

    public record NewExample(@NotNull Queue queue, @NotBlank @Size(min = 3, max = 2000) String text) {
    }

    public record ExampleView(Long id, Queue queue, String text, String source, String addedBy,
                              java.time.Instant addedAt, UUID caseId) {
    }

    public record Examples(List<ExampleView> examples, List<ExampleView> learnt) {
    }

    private final QueueExamples examples;
    private final TrainingSet trainingSet;
    private final RoutingConfigStore queues;

    public ExamplesController(QueueExamples examples, TrainingSet trainingSet, RoutingConfigStore queues) {
        this.examples = examples;
        this.trainingSet = trainingSet;
        this.queues = queues;
    }

    @Operation(operationId = "listExamples",
            summary = "The examples in use, of one queue or all; the learnt ones by the case they came from")
    @GetMapping("/api/routing/config/examples")
    public Examples list(@RequestParam(name = "queue", required = false) String queueName) {
        Queue queue = queueName == null ? null : queue(queueName);
        List<ExampleView> current = examples.current(queue).stream().map(ExamplesController::view).toList();
        List<ExampleView> learnt = trainingSet.examples().stream()
                .filter(example -> queue == null || example.queue().equals(queue))
                .map(example -> new ExampleView(null, example.queue(), example.text(), example.source().wire(),
                        null, null, UUID.fromString(example.id())))
                .toList();
        return new Examples(current, learnt);
    }

    @Operation(operationId = "addExample",
            summary = "Add an example to a queue (Unclassified: a message of no queue); 409 if it is one already")
    @PostMapping("/api/routing/config/examples")
    @ResponseStatus(HttpStatus.CREATED)
    public ExampleView add(@Valid @RequestBody NewExample body) {
        if (!body.queue().isUnclassified()) {
            Optional<Boolean> archived = queues.queueArchived(body.queue());
            if (archived.isEmpty() || archived.get()) {
                throw new InvalidRequest(List.of(new FieldError("queue",
                        archived.isEmpty() ? "no such queue" : "the queue is archived")));
            }
        }
        return examples.add(body.queue(), body.text().strip(), Example.Source.ADMIN, Caller.current().subject())
                .map(ExamplesController::view)
                .orElseThrow(() -> new Conflict("already-an-example", "This text is an example of " + body.queue()
                        + " already"));
    }

    @Operation(operationId = "removeExample", summary = "Stop using an example (kept with who removed it and when)")
    @DeleteMapping("/api/routing/config/examples/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable long id) {
        if (!examples.remove(id, Caller.current().subject())) {
            throw new NotFound("No example " + id + " is in use");
        }
    }

    private static Queue queue(String name) {
        try {
            return Queue.of(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new FieldError("queue", "not a queue: " + name)));
        }
    }

    private static ExampleView view(QueueExamples.Row row) {
        return new ExampleView(row.id(), row.queue(), row.text(), row.source().wire(), row.addedBy(), row.addedAt(),
                null);
    }
}
