package org.casestream.gateway.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * The gateway's first RSA key pair, read from the PEM locations in {@link TokenProperties}. In local development,
 * when both are files in one directory and the private key is missing (a fresh machine), the pair is generated there, as
 * {@code private.pem} (PKCS#8) and {@code public.pem} (X.509), the files {@code ./casestream token} signs with too.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public SigningKeys(TokenProperties properties) {
        this.keyId = properties.keyId();
        try {
            if (properties.generateMissing()) {
                generateWhenMissing(properties.privateKey(), properties.publicKey());
            } else if (!properties.privateKey().exists() || !properties.publicKey().exists()) {
                throw new IllegalStateException("No JWT key pair at " + properties.privateKey().getDescription() + " and "
                        + properties.publicKey().getDescription() + ": set CASESTREAM_JWT_PRIVATE_KEY and "
                        + "CASESTREAM_JWT_PUBLIC_KEY (only the local profile generates a pair)");
            }
            try (InputStream in = properties.privateKey().getInputStream()) {
                this.privateKey = RsaKeyConverters.pkcs8().convert(in);
            }
            try (InputStream in = properties.publicKey().getInputStream()) {
                this.publicKey = RsaKeyConverters.x509().convert(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT key pair", e);
        }
    }

    private static void generateWhenMissing(Resource privateKey, Resource publicKey) throws IOException {
        if (privateKey.exists() || !privateKey.isFile() || !publicKey.isFile()) {
            return;
        }
        Path privateFile = privateKey.getFile().toPath().toAbsolutePath();
        Path publicFile = publicKey.getFile().toPath().toAbsolutePath();
        if (!privateFile.getParent().equals(publicFile.getParent())) {
            return;
        }
        Files.createDirectories(privateFile.getParent());
        KeyPair pair = Pem.newRsaKeyPair();
        Pem.writeOwnerOnly(publicFile, Pem.PUBLIC_KEY, pair.getPublic().getEncoded());
        // the private key last: its presence means the pair is complete
        Pem.writeOwnerOnly(privateFile, Pem.PRIVATE_KEY, pair.getPrivate().getEncoded());
        log.info("No JWT key pair found; generated one in {}", privateFile.getParent());
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }
}
