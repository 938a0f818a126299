package org.casestream.gateway.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.casestream.localstack.jwt.LocalKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * The gateway's RSA key pair, read from the PEM locations in {@link TokenProperties}. When both are files and
 * the private key is missing (a fresh local machine), the pair is generated there the way the local stack does,
 * so {@code ./casestream token} and the gateway keep signing with the same key.
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
            generateWhenMissing(properties.privateKey(), properties.publicKey());
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
        if (privateFile.getFileName().toString().equals(LocalKeyPair.PRIVATE_KEY_FILE)
                && publicFile.equals(privateFile.resolveSibling(LocalKeyPair.PUBLIC_KEY_FILE))) {
            Files.createDirectories(privateFile.getParent());
            LocalKeyPair.ensure(privateFile.getParent());
            log.info("No JWT key pair found; generated one in {}", privateFile.getParent());
        }
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
