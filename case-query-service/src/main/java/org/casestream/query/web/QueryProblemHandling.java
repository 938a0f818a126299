package org.casestream.query.web;

import java.util.List;

import org.casestream.query.search.CaseIndex;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own problems; everything else goes to the shared ProblemHandling. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemHandling {

    @ExceptionHandler(CaseIndex.BadCursor.class)
    ProblemDetail badCursor(CaseIndex.BadCursor bad) {
        return Problems.invalid(List.of(new FieldError("cursor", "not a cursor of this list; start again without one")));
    }
}
