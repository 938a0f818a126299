package org.casestream.command.surveys;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.command.surveys.Surveys.SurveyReceipt;
import org.casestream.command.surveys.Surveys.SurveyView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey page's API: open, without credentials (the signed link is the credential; a staff token here is 403,
 * so nobody rates for a customer). Bad input is a 400 naming each field before the link is even looked at.
 */
@RestController
public class SurveyController {

    /** At most this many characters of comment. */
    public static final int MAX_COMMENT = 2000;

    private final Surveys surveys;

    public SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    /** A rating 1 (very unhappy) to 5 (very happy), and what the customer wants to add. */
    public record SurveyAnswer(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = MAX_COMMENT) String comment) {
    }

    @Operation(operationId = "viewSurvey",
            summary = "The survey of a done case's link: its case number and subject (no login; 404 for a link "
            + "that is not ours, 410 for one expired or used, 409 while the case is not done)")
    @GetMapping("/api/surveys/{token}")
    public SurveyView view(@PathVariable String token) {
        return surveys.view(token);
    }

    @Operation(operationId = "answerSurvey",
            summary = "The customer's answer: a 1-5 rating and an optional comment, once per link (no login)")
    @PostMapping("/api/surveys/{token}")
    public SurveyReceipt answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
        return surveys.answer(token, answer.rating(), answer.comment());
    }
}
