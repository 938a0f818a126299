package org.casestream.notification.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.casestream.notification.platform.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts what must be stored but never read back by people: webhook secrets and Slack URLs (a Slack incoming
 * webhook URL is itself a credential). AES-256-GCM, a fresh 12-byte nonce per value, stored as nonce + ciphertext.
 * The key comes from {@code CASESTREAM_NOTIFICATION_KEY}; without it, one is generated once into the local home
 * (outside the repository) so a local stack works out of the box.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(NotificationProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties), "AES");
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: was the notification key changed?", e);
        }
    }

    private static byte[] keyBytes(NotificationProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return checked(Base64.getDecoder().decode(properties.key().trim()), "CASESTREAM_NOTIFICATION_KEY");
        }
        Path file = Path.of(properties.keyFile());
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
            }
            if (!properties.generateKey()) {
                throw new IllegalStateException("No notification key: set CASESTREAM_NOTIFICATION_KEY (base64 of 32 "
                        + "bytes) or provide " + file + "; only the local profile generates one");
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: the file keeps the directory's permissions
            }
            log.info("Generated a local notification key in {}; set CASESTREAM_NOTIFICATION_KEY in production", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the notification key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes, base64-encoded (AES-256)");
        }
        return key;
    }
}
