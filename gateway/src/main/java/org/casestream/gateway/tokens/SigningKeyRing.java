package org.casestream.gateway.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys tokens are signed and verified with, by key id. The configured key pair is the first; a rotation adds
 * the next, which the JWK set publishes at once but which signs only after {@code publishAhead} (so every
 * service's cached JWK set knows it first), and retires the previous one {@code retireAfter} later (when no
 * token it signed is still valid). Every gateway instance reads the ring from PostgreSQL, and again every
 * {@code refresh}; private keys are files in {@code ringDirectory}, readable by their owner only.
 */
@Component
public class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    /** One key of the ring; {@code key} holds the private half when this gateway can read it. */
    public record RingKey(String kid, RSAKey key, Instant createdAt, Instant activatesAt, Instant retiresAt) {

        /** Since when it signs (or would): the first key has signed since it was recorded. */
        Instant signingSince() {
            return activatesAt.isAfter(createdAt) ? activatesAt : createdAt;
        }

        boolean publishedAt(Instant now) {
            return retiresAt == null || retiresAt.isAfter(now);
        }

        boolean signsAt(Instant now) {
            return publishedAt(now) && !activatesAt.isAfter(now) && key.isPrivate();
        }
    }

    private final SigningKeys seed;
    private final JdbcClient jdbc;
    private final TokenProperties.Rotation rotation;
    private final Clock clock;
    private volatile List<RingKey> ring = List.of();
    /** What signs and what verifies, worked out once until the ring or the next activation or retirement changes it. */
    private volatile Snapshot snapshot;

    private record Snapshot(RSAKey signing, JWKSet published, Instant validUntil) {
    }

    public SigningKeyRing(SigningKeys seed, TokenProperties properties, JdbcClient jdbc, Clock clock) {
        this.seed = seed;
        this.jdbc = jdbc;
        this.rotation = properties.rotation();
        this.clock = clock;
        jdbc.sql("""
                INSERT INTO signing_keys (kid, public_key, private_key_file, created_at, activates_at)
                VALUES (?, ?, NULL, ?, ?) ON CONFLICT (kid) DO NOTHING""")
                .params(seed.keyId(), encode(seed.publicKey().getEncoded()), Timestamp.from(clock.instant()),
                        Timestamp.from(Instant.EPOCH))
                .update();
        reload();
    }

    /** The key that signs now. */
    public RSAKey current() {
        return snapshot().signing();
    }

    /** Every key not yet retired, public halves only: what the JWK set publishes and what verifies tokens. */
    public JWKSet published() {
        return snapshot().published();
    }

    /** Every request's token is verified against the ring: it is worked out again only when something changed. */
    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current != null && now.isBefore(current.validUntil())) {
            return current;
        }
        List<RingKey> keys = ring;
        RSAKey signing = keys.stream().filter(key -> key.signsAt(now))
                .max(Comparator.comparing(RingKey::activatesAt)).map(RingKey::key)
                .orElseThrow(() -> new IllegalStateException("no signing key is active"));
        JWKSet published = new JWKSet(keys.stream().filter(key -> key.publishedAt(now))
                .map(key -> (com.nimbusds.jose.jwk.JWK) key.key().toPublicJWK()).toList());
        Instant validUntil = keys.stream()
                .flatMap(key -> Stream.of(key.activatesAt(), key.retiresAt()))
                .filter(instant -> instant != null && instant.isAfter(now))
                .min(Comparator.naturalOrder()).orElse(Instant.MAX);
        Snapshot fresh = new Snapshot(signing, published, validUntil);
        snapshot = fresh;
        return fresh;
    }

    /** Verification keys for a token decoder: the published set, as it is when the token is checked. */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> selector.select(published());
    }

    /** The signing key, alone, for an encoder that must find exactly one. */
    public JWKSource<SecurityContext> signingKey() {
        return (selector, context) -> selector.select(new JWKSet(current()));
    }

    public List<RingKey> keys() {
        return ring;
    }

    /**
     * Adds the next key: published now, signing from {@code publishAhead} on; every key still unretired retires
     * {@code retireAfter} after the new one activates. Returns the new key.
     */
    @Transactional
    public RingKey rotate() {
        Instant now = clock.instant();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('casestream.signing_keys'))").query(Object.class).list();
        KeyPair pair = Pem.newRsaKeyPair();
        String kid = "cs-" + KID_TIME.format(now) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        Path file = writePrivateKey(kid, (RSAPrivateKey) pair.getPrivate());
        Instant activatesAt = now.plus(rotation.publishAhead());
        jdbc.sql("UPDATE signing_keys SET retires_at = ? WHERE retires_at IS NULL")
                .param(Timestamp.from(activatesAt.plus(rotation.retireAfter()))).update();
        jdbc.sql("""
                INSERT INTO signing_keys (kid, public_key, private_key_file, created_at, activates_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(kid, encode(pair.getPublic().getEncoded()), file.toString(), Timestamp.from(now),
                        Timestamp.from(activatesAt))
                .update();
        log.info("Signing key {} published; it signs from {}", kid, activatesAt);
        reload();
        return ring.stream().filter(key -> key.kid().equals(kid)).findFirst().orElseThrow();
    }

    /** Picks up what other instances changed; rotates by itself once the signing key is older than the period. */
    @Scheduled(fixedDelayString = "${casestream.gateway.tokens.rotation.refresh:PT30S}",
            initialDelayString = "${casestream.gateway.tokens.rotation.refresh:PT30S}")
    public void refresh() {
        reload();
        Instant now = clock.instant();
        boolean pending = ring.stream().anyMatch(key -> key.activatesAt().isAfter(now));
        Instant since = ring.stream().filter(key -> key.signsAt(now)).max(Comparator.comparing(RingKey::activatesAt))
                .map(RingKey::signingSince).orElse(now);
        if (rotation.period() != null && !pending && Duration.between(since, now).compareTo(rotation.period()) > 0) {
            rotate();
        }
    }

    private void reload() {
        ring = jdbc.sql("""
                SELECT kid, public_key, private_key_file, created_at, activates_at, retires_at FROM signing_keys""")
                .query((rs, row) -> {
                    String kid = rs.getString("kid");
                    Timestamp retires = rs.getTimestamp("retires_at");
                    RSAPublicKey publicKey = publicKey(rs.getString("public_key"));
                    RSAPrivateKey privateKey = privateKey(kid, rs.getString("private_key_file"));
                    RSAKey.Builder key = new RSAKey.Builder(publicKey).keyID(kid).algorithm(JWSAlgorithm.RS256)
                            .keyUse(KeyUse.SIGNATURE);
                    if (privateKey != null) {
                        key.privateKey(privateKey);
                    }
                    return new RingKey(kid, key.build(), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("activates_at").toInstant(),
                            retires == null ? null : retires.toInstant());
                }).list();
        snapshot = null;
    }

    private RSAPrivateKey privateKey(String kid, String file) {
        if (file == null) {
            return kid.equals(seed.keyId()) ? seed.privateKey() : null;
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(Files.readString(Path.of(file)))));
        } catch (IOException e) {
            log.warn("Signing key {} cannot be read here ({}): this instance verifies with it but never signs",
                    kid, e.getClass().getSimpleName());
            return null;
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("signing key " + kid + " is not an RSA private key", e);
        }
    }

    private Path writePrivateKey(String kid, RSAPrivateKey key) {
        try {
            Path file = Files.createDirectories(rotation.ringDirectory()).resolve(kid + ".pem").toAbsolutePath();
            Pem.writeOwnerOnly(file, Pem.PRIVATE_KEY, key.getEncoded());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the new signing key", e);
        }
    }

    private static RSAPublicKey publicKey(String encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("a stored public key is not an RSA key", e);
        }
    }

    private static String encode(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
