package org.casestream.notification.deliveries;

import java.util.List;
import java.util.UUID;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: every notification of a case, or of a webhook subscription, with each attempt. */
@RestController
@RequestMapping("/api/notifications")
public class DeliveryController {

    private final DeliveryLog deliveries;

    public DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    public List<DeliveryView> log(@RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) UUID subscriptionId) {
        if ((caseId == null) == (subscriptionId == null)) {
            throw new InvalidRequest(List.of(new FieldError("caseId", "give either caseId or subscriptionId")));
        }
        return caseId != null ? deliveries.forCase(caseId) : deliveries.forSubscription(subscriptionId, null);
    }
}
