package org.casestream.support.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Problem details for requests that security turns away before they reach a controller. */
public class ProblemResponses {

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid bearer token is required"));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role may not call " + request.getMethod() + " " + request.getRequestURI()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        write(request, response, ResponseEntity.status(problem.getStatus()).body(problem), mapper);
    }

    /** A problem answer written straight to the response, headers (Retry-After) included: for filters. */
    public static void write(HttpServletRequest request, HttpServletResponse response,
                             ResponseEntity<ProblemDetail> answer, ObjectMapper mapper)
            throws IOException {
        ProblemDetail problem = answer.getBody();
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
