package org.casestream.gateway.apikeys;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.casestream.events.Channel;

/**
 * A channel the command service's intake accepts: the wire name of a {@link Channel} (the intake reads the
 * channel of a key's token with {@code Channel.of}, so anything else would fail there on every ticket).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChannelName.Validator.class)
public @interface ChannelName {

    String message() default "must be one of email, web, phone, chat, api";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChannelName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean known = Arrays.stream(Channel.values()).anyMatch(channel -> channel.wire().equals(value));
            if (!known) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be one of " + Arrays.stream(Channel.values())
                        .map(Channel::wire).collect(Collectors.joining(", "))).addConstraintViolation();
            }
            return known;
        }
    }
}
