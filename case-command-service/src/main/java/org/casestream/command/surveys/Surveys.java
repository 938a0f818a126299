package org.casestream.command.surveys;

import java.time.Clock;
import java.time.Instant;

import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.domain.cases.CaseCommands.RateSatisfaction;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.CaseStatus;
import org.casestream.support.surveys.SurveyToken;
import org.casestream.support.surveys.SurveyTokens;
import org.casestream.support.surveys.SurveyTokens.Expired;
import org.casestream.support.surveys.SurveyTokens.Forged;
import org.casestream.support.surveys.SurveyTokens.Valid;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.Gone;
import org.casestream.support.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's answer to the survey link of their done-mail, without a login: the link's signature says which case
 * (and so which customer) it is for, and until when; each link is answered once. The rating is the customer's
 * {@code SatisfactionRated}, recorded with the customer as its actor. A link that is not ours is 404, one that
 * expired or was used 410, and neither says which case it was for.
 */
@Service
public class Surveys {

    /** The actor of what a customer did themselves, by their customer record's id (no name, no address). */
    public static final String CUSTOMER_ACTOR = "customer:";

    private final SurveyTokens tokens;
    private final SurveyLedger ledger;
    private final CaseHistory history;
    private final CommandDispatcher commands;
    private final Clock clock;

    public Surveys(SurveyTokens tokens, SurveyLedger ledger, CaseHistory history, CommandDispatcher commands,
            Clock clock) {
        this.tokens = tokens;
        this.ledger = ledger;
        this.history = history;
        this.commands = commands;
        this.clock = clock;
    }

    /** What the survey page shows: the case's number and subject, nothing more about it or its customer. */
    public record SurveyView(String caseNumber, String subject, Instant expiresAt) {
    }

    /** What an answer recorded. */
    public record SurveyReceipt(String caseNumber, int rating, String comment) {
    }

    public SurveyView view(String token) {
        SurveyToken survey = unanswered(token);
        CaseState state = openFor(survey);
        return new SurveyView(state.caseNumber(), state.subject(), survey.expiresAt());
    }

    /** Claims the link and records the rating in one transaction: a refused rating leaves the link unused. */
    @Transactional
    public SurveyReceipt answer(String token, int rating, String comment) {
        SurveyToken survey = unanswered(token);
        CaseState state = openFor(survey);
        if (!ledger.claim(survey, clock.instant())) {
            throw used();
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        commands.sendAs(CUSTOMER_ACTOR + state.customer().customerId(),
                new RateSatisfaction(survey.caseId(), rating, text));
        return new SurveyReceipt(state.caseNumber(), rating, text);
    }

    /** The link's survey: signed by us, not expired, not answered yet. */
    private SurveyToken unanswered(String token) {
        SurveyToken survey = switch (tokens.verify(token, clock.instant())) {
            case Valid valid -> valid.token();
            case Expired expired -> throw new Gone("survey-expired",
                    "This survey link has expired; thank you all the same");
            case Forged forged -> throw notOurs();
        };
        if (ledger.answered(survey)) {
            throw used();
        }
        return survey;
    }

    /** The case, while a rating of it is still the question: it is done, and was not merged into another. */
    private CaseState openFor(SurveyToken survey) {
        CaseState state = history.current(survey.caseId()).orElseThrow(Surveys::notOurs);
        if (state.mergedInto() != null) {
            throw new Conflict("survey-closed", "This request was merged into " + state.mergedInto().caseNumber()
                    + "; there is nothing to rate here");
        }
        if (state.status() != CaseStatus.DONE) {
            throw new Conflict("survey-closed",
                    "This request was reopened; we will ask again when it is resolved");
        }
        return state;
    }

    private static NotFound notOurs() {
        return new NotFound("This survey link is not valid");
    }

    private static Gone used() {
        return new Gone("survey-used", "This survey was already answered; thank you");
    }
}
