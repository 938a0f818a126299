package org.casestream.localstack.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's RSA signing key pair, kept as PEM files in {@code $CASESTREAM_HOME/jwt}:
 * {@code private.pem} (PKCS#8) and {@code public.pem} (X.509 SubjectPublicKeyInfo, the format
 * Spring's {@code spring.security.oauth2.resourceserver.jwt.public-key-location} reads).
 */
public final class LocalKeyPair {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final int KEY_SIZE = 2048;
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final Logger LOG = LoggerFactory.getLogger(LocalKeyPair.class);

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    public LocalKeyPair(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** A fresh 2048-bit pair, held in memory only. */
    public static LocalKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            return new LocalKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /**
     * Loads the pair from {@code directory}, generating and writing one first when the private
     * key is missing. A missing public key is derived again from the private key.
     */
    public static LocalKeyPair ensure(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.isRegularFile(privateFile)) {
                RSAPrivateKey privateKey = readPrivateKey(privateFile);
                LocalKeyPair pair = new LocalKeyPair(derivePublicKey(privateKey), privateKey);
                if (!Files.isRegularFile(publicFile)) {
                    writeAtomically(publicFile, pem(PUBLIC_LABEL, pair.publicKey.getEncoded()), false);
                    LOG.info("Wrote the missing public key {}", publicFile);
                }
                return pair;
            }
            LocalKeyPair pair = generate();
            pair.writeTo(directory);
            LOG.info("Generated a new local JWT key pair in {}", directory);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT key pair in " + directory, e);
        }
    }

    /** Loads an existing pair; fails when {@code private.pem} is absent. */
    public static LocalKeyPair load(Path directory) {
        try {
            RSAPrivateKey privateKey = readPrivateKey(directory.resolve(PRIVATE_KEY_FILE));
            return new LocalKeyPair(derivePublicKey(privateKey), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT key pair in " + directory, e);
        }
    }

    /** Writes {@code private.pem} (owner-only where the file system allows) and {@code public.pem}. */
    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(PRIVATE_KEY_FILE), pem(PRIVATE_LABEL, privateKey.getEncoded()), true);
        writeAtomically(directory.resolve(PUBLIC_KEY_FILE), pem(PUBLIC_LABEL, publicKey.getEncoded()), false);
    }

    public String publicKeyPem() {
        return pem(PUBLIC_LABEL, publicKey.getEncoded());
    }

    public static RSAPublicKey readPublicKey(Path file) throws IOException {
        byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), PUBLIC_LABEL, file);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("Not an RSA public key: " + file, e);
        }
    }

    private static RSAPrivateKey readPrivateKey(Path file) throws IOException {
        byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_LABEL, file);
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("Not a PKCS#8 RSA private key: " + file, e);
        }
    }

    private static RSAPublicKey derivePublicKey(RSAPrivateKey privateKey) throws IOException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IOException("The private key carries no public exponent (not a CRT key)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot derive the public key", e);
        }
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label, Path file) throws IOException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file with a '" + label + "' block");
        }
        String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
