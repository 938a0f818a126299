package org.casestream.notification.deliveries;

/** Sends one delivery on its channel, once; the dispatcher decides about retries. */
public interface DeliveryTransport {

    DeliveryChannel channel();

    SendOutcome send(Delivery delivery);
}
