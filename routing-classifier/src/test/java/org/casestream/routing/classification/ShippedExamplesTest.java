package org.casestream.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.casestream.events.Queue;
import org.junit.jupiter.api.Test;

class ShippedExamplesTest {

    @Test
    void aLineIsQueueTabMessageCommentsAndBlanksSkippedNoneIsNoQueue() {
        List<Example> examples = ShippedExamples.parse(List.of("# login", "Login\tforgot my password", "",
                "None\tlove your shop", "Refunds\t  where is my money back  "));

        assertThat(examples).extracting(Example::id).containsExactly("2", "4", "5");
        assertThat(examples).extracting(Example::queue).containsExactly(Queue.LOGIN, Queue.UNCLASSIFIED, Queue.REFUNDS);
        assertThat(examples.get(2).text()).isEqualTo("where is my money back");
        assertThat(examples).allMatch(example -> example.source() == Example.Source.SHIPPED);
    }

    @Test
    void aBrokenLineIsNamed() {
        assertThatThrownBy(() -> ShippedExamples.parse(List.of("Login forgot my password")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ShippedExamples.parse(List.of("Nowhere\tsomething")))
                .hasMessageContaining("Nowhere");
    }
}
