package org.casestream.support.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Every service accepts only tokens the gateway issued ({@code iss}) for the Casestream API ({@code aud}), within
 * their lifetime: set on the token decoder Spring Boot builds (from the JWK set or a public key), whichever it is.
 * {@code casestream.jwt.issuer} and {@code casestream.jwt.audience} ({@code CASESTREAM_JWT_ISSUER},
 * {@code CASESTREAM_JWT_AUDIENCE}) name them.
 */
public final class TokenChecks implements BeanPostProcessor {

    public static final String DEFAULT_ISSUER = "http://casestream-gateway";
    public static final String DEFAULT_AUDIENCE = "casestream-api";

    private final String issuer;
    private final String audience;

    public TokenChecks(Environment environment) {
        this.issuer = environment.getProperty("casestream.jwt.issuer", DEFAULT_ISSUER);
        this.audience = environment.getProperty("casestream.jwt.audience", DEFAULT_AUDIENCE);
    }

    /** Lifetime, issuer and audience. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof NimbusJwtDecoder decoder) {
            decoder.setJwtValidator(validator(issuer, audience));
        }
        return bean;
    }
}
