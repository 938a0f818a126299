package org.casestream.notification.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.events.EventCatalogue;
import org.casestream.notification.deliveries.DeliveryLog;
import org.casestream.notification.deliveries.DeliveryView;
import org.casestream.notification.settings.TargetPolicy;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions by event type, their deliveries, and re-sending one. */
@RestController
@RequestMapping("/api/webhooks")
public class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final TargetPolicy targets;

    public WebhookController(WebhookSubscriptions subscriptions, DeliveryLog deliveries, TargetPolicy targets) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
    }

    /** {@code events}: event names of the catalogue (CaseOpened, CommentAdded, ...) or "*" for every event. */
    public record SubscriptionRequest(@NotBlank @Size(max = 2000) String url,
                                      @NotEmpty List<@NotBlank String> events,
                                      @NotNull @Size(min = 16, max = 256) String secret) {

        @Override
        public String toString() {
            return "SubscriptionRequest[" + url + ", " + events + "]";
        }
    }

    @Operation(operationId = "listWebhooks")
    @GetMapping
    public List<WebhookSubscription> all() {
        return subscriptions.active();
    }

    @Operation(operationId = "createWebhook")
    @PostMapping
    public ResponseEntity<WebhookSubscription> create(@Valid @RequestBody SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        targets.refusal(request.url())
                .ifPresent(reason -> errors.add(new FieldError("url", reason)));
        for (int i = 0; i < request.events().size(); i++) {
            String event = request.events().get(i);
            if (!WebhookSubscriptions.ALL_EVENTS.equals(event) && EventCatalogue.byName(event).isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "is not an event type of the catalogue"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        WebhookSubscription created = subscriptions.create(request.url(), request.events(), request.secret(),
                Caller.current().subject());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @Operation(operationId = "getWebhook")
    @GetMapping("/{id}")
    public WebhookSubscription one(@PathVariable UUID id) {
        return subscriptions.find(id).orElseThrow(() -> new NotFound("No webhook subscription " + id));
    }

    @Operation(operationId = "deleteWebhook")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!subscriptions.delete(id)) {
            throw new NotFound("No webhook subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Every delivery of the subscription with its attempts; {@code status=dead} lists its dead letters. */
    @GetMapping("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status) {
        one(id);
        return deliveries.forSubscription(id, status);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    public ResponseEntity<DeliveryView> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        if (subscriptions.target(id).isEmpty()) {
            throw new NotFound("No active webhook subscription " + id);
        }
        DeliveryView delivery = deliveries.find(deliveryId)
                .filter(found -> id.equals(found.subscriptionId()))
                .orElseThrow(() -> new NotFound("No delivery " + deliveryId + " for webhook " + id));
        if (!deliveries.redeliver(deliveryId)) {
            throw new Conflict("not-redeliverable", "Delivery " + deliveryId + " is " + delivery.status()
                    + ": only a dead or sent delivery can be sent again");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.find(deliveryId).orElseThrow());
    }
}
