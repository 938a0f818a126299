package org.casestream.gateway.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import org.casestream.gateway.tokens.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A fresh platform needs someone who can log in: when no enabled admin exists, user {@code admin} is created
 * with {@code CASESTREAM_ADMIN_PASSWORD}, or with a generated password written (owner-only) to the admin
 * password file, whose path alone is logged; {@code ./casestream up} shows it once and deletes it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final Clock clock;

    AdminBootstrap(UserAccounts accounts, PasswordEncoder encoder, AdminProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyEnabledAdmin()) {
            return;
        }
        boolean given = properties.password() != null && !properties.password().isBlank();
        if (!given && !properties.generatePassword()) {
            throw new IllegalStateException("No enabled admin exists and CASESTREAM_ADMIN_PASSWORD is not set: give the "
                    + "first admin's password (only the local profile generates one)");
        }
        String password = given ? properties.password() : Secrets.generate("").substring(0, 24);
        if (accounts.find(ADMIN_USERNAME).isPresent()) {
            log.warn("No enabled admin and user '{}' exists but is not one; not changing it", ADMIN_USERNAME);
            return;
        }
        if (!given) {
            writeOwnerOnly(properties.passwordFile(), password);
        }
        accounts.insert(ADMIN_USERNAME, "Administrator", encoder.encode(password), List.of(PersonRoles.ADMIN), null,
                clock.instant());
        if (given) {
            log.info("Created user '{}' with the password from CASESTREAM_ADMIN_PASSWORD", ADMIN_USERNAME);
        } else {
            log.info("Created user '{}'; its generated password is in {}", ADMIN_USERNAME,
                    properties.passwordFile().toAbsolutePath());
        }
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin password file " + file.toAbsolutePath(), e);
        }
    }
}
