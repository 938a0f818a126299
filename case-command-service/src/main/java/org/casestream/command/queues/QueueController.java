package org.casestream.command.queues;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The queue catalogue: everyone who works cases reads it; admins keep it. */
@RestController
public class QueueController {

    public record QueueView(String key, String name, boolean archived, boolean shipped) {

        static QueueView of(QueueCatalogue.Entry entry) {
            return new QueueView(entry.key(), entry.name(), entry.archived(), entry.shipped());
        }
    }

    public record NewQueue(@NotBlank @Size(max = 40) String name) {
    }

    /** A rename, an archive or a restore; what is left out stays. */
    public record QueueChange(@Size(min = 1, max = 60) String name, Boolean archived) {
    }

    private final Queues queues;

    public QueueController(Queues queues) {
        this.queues = queues;
    }

    @Operation(operationId = "listQueues",
            summary = "Every queue, archived ones too (their cases keep them), shipped ones first")
    @GetMapping("/api/queues")
    public List<QueueView> all() {
        return queues.all().stream().map(QueueView::of).toList();
    }

    @Operation(operationId = "getQueue", summary = "One queue by its key")
    @GetMapping("/api/queues/{key}")
    public QueueView one(@PathVariable String key) {
        return QueueView.of(queues.get(key));
    }

    @Operation(operationId = "createQueue",
            summary = "Create a queue; its name is its key for ever, a later rename changes only the name shown")
    @PostMapping("/api/queues")
    public ResponseEntity<QueueView> create(@Valid @RequestBody NewQueue queue) {
        QueueView created = QueueView.of(queues.create(queue.name()));
        return ResponseEntity.created(URI.create("/api/queues/" + created.key().replace(" ", "%20"))).body(created);
    }

    @Operation(operationId = "changeQueue",
            summary = "Rename, archive (no new cases) or restore a queue")
    @PatchMapping("/api/queues/{key}")
    public QueueView change(@PathVariable String key, @Valid @RequestBody QueueChange change) {
        return QueueView.of(queues.change(key, change.name(), change.archived()));
    }
}
