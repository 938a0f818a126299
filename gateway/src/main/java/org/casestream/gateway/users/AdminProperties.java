package org.casestream.gateway.users;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first admin's password, or where a generated one is written when none is given (only with
 * {@code generatePassword}, which the local profile sets: production must be given one).
 */
@ConfigurationProperties("casestream.gateway.admin")
@Validated
public record AdminProperties(String password, @NotNull Path passwordFile, boolean generatePassword) {
}
