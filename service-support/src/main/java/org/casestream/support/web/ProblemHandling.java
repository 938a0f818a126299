package org.casestream.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json, the same in every service. Bad input names each bad field in
 * {@code errors} (400); a missing resource is 404, one no longer usable 410; anything unexpected is 500 with the
 * correlation id, logged by cause type only. Messages never echo request values, so no PII reaches a response or a log through here.
 * It runs after each service's own advice (which maps that service's domain exceptions).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(fieldErrors(failure.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        failure.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bodyErrors) {
                errors.addAll(fieldErrors(bodyErrors));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(
                        new FieldError(parameterName(result.getMethodParameter()), error.getDefaultMessage())));
            }
        });
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (failure.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Class<?> target = mapping instanceof InvalidFormatException format ? format.getTargetType()
                    : mapping instanceof ValueInstantiationException instantiation ? instantiation.getType().getRawClass()
                    : null;
            String message = target != null && target.isEnum()
                    ? "must be one of " + enumValues(target)
                    : "has the wrong type or format";
            return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldError(field, message))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                "Malformed request body", "The body is missing or is not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException failure) {
        return Problems.invalid(List.of(new FieldError(failure.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest invalid) {
        return Problems.invalid(invalid.errors());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound missing) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict conflict) {
        return Problems.of(HttpStatus.CONFLICT, conflict.type(), "Conflict", conflict.getMessage());
    }

    @ExceptionHandler(Gone.class)
    ProblemDetail gone(Gone gone) {
        return Problems.of(HttpStatus.GONE, gone.type(), "Gone", gone.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden refused) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refused.getMessage());
        problem.setProperty("errors", List.of(new FieldError(refused.field(), refused.getMessage())));
        return problem;
    }

    /**
     * Anything unexpected: 500, and a log line that names the failure without its messages (they may hold PII).
     * A failure whose cause is the database being away (no connection within the pool's 2 s) is a 503 with
     * {@code Retry-After} instead, however deep the framework wrapped it. A failure after the answer began (a
     * live stream whose source went away, a caller that left) just ends the answer there, whole: a problem can no
     * longer be written into it, and trying would cut it off mid-chunk.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request,
            HttpServletResponse response) {
        if (response.isCommitted()) {
            log.warn("The answer to {} {} broke off after it began: {}", request.getMethod(), request.getRequestURI(),
                    Redacted.causes(failure));
            return null;
        }
        if (DatabaseAway.causedBy(failure)) {
            log.warn("Request {} {}: the database is not reachable ({})", request.getMethod(), request.getRequestURI(),
                    Redacted.causes(failure));
            return DatabaseAway.problem();
        }
        log.error("Request {} {} failed: {}", request.getMethod(), request.getRequestURI(), Redacted.causes(failure));
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request failed; quote correlation id " + CorrelationIdFilter.current(request)));
    }

    private static List<FieldError> fieldErrors(Errors result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** The name the caller used: a header's or query parameter's own name, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName();
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
