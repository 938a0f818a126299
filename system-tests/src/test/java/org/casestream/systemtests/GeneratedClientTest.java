package org.casestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.casestream.client.command.api.CasesApi;
import org.casestream.client.command.api.IntakeApi;
import org.casestream.client.command.model.CaseReceipt;
import org.casestream.client.command.model.CaseState;
import org.casestream.client.command.model.CustomerDetails;
import org.casestream.client.command.model.NewComment;
import org.casestream.client.command.model.TicketRequest;
import org.casestream.client.query.model.CasePage;
import org.casestream.client.query.model.CaseSummary;
import org.casestream.systemtests.Customers.Customer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integrator's client, generated at build time from the committed API documents (openapi/command.json and
 * openapi/query.json, held to the served ones by {@link ApiDocumentsTest}), used through the gateway as a channel
 * and an agent would: the channel opens a case with its API key, an agent comments on it and finds it in the case
 * list by its filters. Should the documents drift from the API, the client no longer compiles or these calls fail.
 */
@ExtendWith(PlatformExtension.class)
class GeneratedClientTest {

    private static Platform platform;

    @BeforeAll
    static void platform(Platform started) {
        platform = started;
    }

    /** A client of the command side's document, through the gateway, sending these credentials' header. */
    private static org.casestream.client.command.ApiClient command(String header, String value) {
        org.casestream.client.command.ApiClient client = new org.casestream.client.command.ApiClient();
        client.updateBaseUri(platform.gateway().baseUri().toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header(header, value));
        return client;
    }

    private static org.casestream.client.query.ApiClient query(String header, String value) {
        org.casestream.client.query.ApiClient client = new org.casestream.client.query.ApiClient();
        client.updateBaseUri(platform.gateway().baseUri().toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header(header, value));
        return client;
    }

    @Test
    void aChannelOpensACaseAnAgentCommentsAndFindsItInTheListThroughTheGeneratedClient() throws Exception {
        String apiKey = platform.apiKey("web").key();
        String agentToken = "Bearer " + platform.person("agent").token();
        Customer customer = platform.customers().next("gold");
        String word = "generated" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        IntakeApi intake = new IntakeApi(command("X-Api-Key", apiKey));
        TicketRequest ticket = new TicketRequest()
                .customer(new CustomerDetails().name(customer.name()).email(customer.email())
                        .tier(CustomerDetails.TierEnum.fromValue(customer.tier())))
                .subject("Order never arrived " + word)
                .description("Tracking has said 'in transit' for two weeks")
                .externalRef("client-" + word);
        CaseReceipt receipt = intake.openTicket(ticket, "st-client-" + word);
        assertThat(receipt.getCaseNumber()).matches("CS-\\d+");
        assertThat(receipt.getChannel()).isEqualTo(CaseReceipt.ChannelEnum.WEB);
        // the same Idempotency-Key again: the same case, as the document promises
        assertThat(intake.openTicket(ticket, "st-client-" + word).getCaseId()).isEqualTo(receipt.getCaseId());

        // a bad ticket is a 400 problem naming the field, as documented with the shared Problem schema
        org.casestream.client.command.ApiException invalid = catchThrowableOfType(
                org.casestream.client.command.ApiException.class,
                () -> intake.openTicket(new TicketRequest().customer(ticket.getCustomer()).subject(""), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(GatewayClient.JSON.readTree(invalid.getResponseBody()).path("errors").findValuesAsText("field"))
                .contains("subject");

        CaseState commented = new CasesApi(command("Authorization", agentToken)).addComment(receipt.getCaseId(),
                new NewComment().body("We are looking into it " + word).visibility(NewComment.VisibilityEnum.PUBLIC));
        assertThat(commented.getComments()).anySatisfy(comment ->
                assertThat(comment.getBody()).isEqualTo("We are looking into it " + word));

        org.casestream.client.query.api.CasesApi cases =
                new org.casestream.client.query.api.CasesApi(query("Authorization", agentToken));
        CasePage found = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> cases.listCases(null, null, null, List.of("web"), null, null, null, null, null,
                        word, "-createdAt", 10, null), page -> page.getItems().size() == 1
                        && page.getItems().getFirst().getCommentCount() > 0);
        assertThat(found.getItems()).extracting(CaseSummary::getCaseId).containsExactly(receipt.getCaseId());

        // the document says a channel's key does not list cases: the gateway and the service agree
        org.casestream.client.query.ApiException refused = catchThrowableOfType(
                org.casestream.client.query.ApiException.class,
                () -> new org.casestream.client.query.api.CasesApi(query("X-Api-Key", apiKey)).listCases(
                        null, null, null, null, null, null, null, null, null, word, null, null, null));
        assertThat(refused.getCode()).isEqualTo(403);
    }
}
