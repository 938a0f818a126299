package org.casestream.support.web;

import java.util.List;

/** Bad input found by a controller beyond what Bean Validation checks (400, each field named). */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
