package org.casestream.gateway.auth;

/**
 * The password was right but the login needs its second factor (401): a code, or first an enrolment, whose secret
 * comes with this answer so the person can add it to an authenticator app and log in with a code.
 */
public class SecondFactorRequired extends RuntimeException {

    private final SecondFactor.Enrolment enrolment;

    public SecondFactorRequired(SecondFactor.Enrolment enrolment) {
        super(enrolment == null ? "second factor required" : "second factor enrolment required");
        this.enrolment = enrolment;
    }

    public SecondFactor.Enrolment enrolment() {
        return enrolment;
    }
}
