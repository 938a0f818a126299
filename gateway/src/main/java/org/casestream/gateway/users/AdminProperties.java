package org.casestream.gateway.users;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin's password, or where a generated one is written when none is given (only with
 * {@code generatePassword}, which the local profile sets: production must be given one).
 */
@ConfigurationProperties("casestream.gateway.admin")
public record AdminProperties(String password, Path passwordFile, boolean generatePassword) {
}
