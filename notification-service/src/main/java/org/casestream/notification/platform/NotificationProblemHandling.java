package org.casestream.notification.platform;

import org.casestream.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's own problems; everything else goes to the shared problem handling. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotificationProblemHandling {

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict conflict) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Not allowed in the current state", conflict.getMessage());
    }
}
