package org.casestream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QueueTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aQueueIsItsKeyOnTheWireAndAnyWellFormedKeyIsOne() throws Exception {
        assertThat(json.writeValueAsString(Queue.of("Billing & Invoices"))).isEqualTo("\"Billing & Invoices\"");
        assertThat(json.readValue("\"Billing & Invoices\"", Queue.class)).isEqualTo(Queue.of("Billing & Invoices"));
        // the shipped queues keep the names every stored event carries, in any letter case
        assertThat(json.readValue("\"refunds\"", Queue.class)).isSameAs(Queue.REFUNDS);
        assertThat(Queue.of("UNCLASSIFIED").isUnclassified()).isTrue();
    }

    @Test
    void aKeyThatCouldNotBeAFieldNameAUrlSegmentOrAWordIsRefused() {
        for (String bad : List.of("", " Billing", "Billing ", "9 lives", "a.b", "$where", "x".repeat(41), "Bill\nng")) {
            assertThatThrownBy(() -> Queue.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Queue.of("x".repeat(40)).wire()).hasSize(40);
    }

    @Test
    void listsPutTheShippedQueuesFirstThenTheOthersByKeyAndUnclassifiedLast() {
        assertThat(Queue.withShipped(List.of("Billing", "Accounts", "Refunds", "not a key!")))
                .containsExactly(Queue.LOGIN, Queue.ORDERS, Queue.DELIVERIES, Queue.PAYMENTS, Queue.REFUNDS,
                        Queue.of("Accounts"), Queue.of("Billing"), Queue.UNCLASSIFIED);
    }
}
