package org.casestream.support.surveys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Survey links a customer can answer without logging in: the notification service signs one into the done-mail, the
 * command service checks it when the customer answers. The token is base64url of a version byte, the survey id, the
 * case id and the expiry (epoch seconds), followed by the first 16 bytes of their HMAC-SHA256 under the key both
 * services are given ({@code CASESTREAM_SURVEY_KEY}). Nobody without the key can make one or change what one says;
 * the token is no secret about the case beyond its id, and it says nothing else (no name, no address).
 */
public final class SurveyTokens {

    /** The shortest key accepted: 32 characters, as {@code openssl rand -base64 32} gives 44. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final byte VERSION = 1;
    private static final int PAYLOAD = 1 + 16 + 16 + 8;
    private static final int MAC = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] CONTEXT = "casestream-survey:".getBytes(StandardCharsets.US_ASCII);
    /** Longer than any token this class makes; anything longer is not decoded at all. */
    private static final int MAX_TOKEN_LENGTH = 128;

    /** What a presented token turned out to be. */
    public sealed interface Verdict {
    }

    /** Signed with the key and not expired. */
    public record Valid(SurveyToken token) implements Verdict {
    }

    /** Signed with the key, but its time is up. */
    public record Expired(SurveyToken token) implements Verdict {
    }

    /** Not a token made with the key: malformed, altered or forged. */
    public record Forged() implements Verdict {
    }

    private final SecretKeySpec key;

    public SurveyTokens(String key) {
        if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the survey key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(SurveyToken token) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC)
                .put(VERSION)
                .putLong(token.surveyId().getMostSignificantBits()).putLong(token.surveyId().getLeastSignificantBits())
                .putLong(token.caseId().getMostSignificantBits()).putLong(token.caseId().getLeastSignificantBits())
                .putLong(token.expiresAt().getEpochSecond());
        payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    public Verdict verify(String text, Instant now) {
        if (text == null || text.isEmpty() || text.length() > MAX_TOKEN_LENGTH) {
            return new Forged();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return new Forged();
        }
        if (bytes.length != PAYLOAD + MAC || bytes[0] != VERSION) {
            return new Forged();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
        if (!MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC))) {
            return new Forged();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, 1, PAYLOAD - 1);
        SurveyToken token = new SurveyToken(new UUID(fields.getLong(), fields.getLong()),
                new UUID(fields.getLong(), fields.getLong()), Instant.ofEpochSecond(fields.getLong()));
        return now.isBefore(token.expiresAt()) ? new Valid(token) : new Expired(token);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(CONTEXT);
            return Arrays.copyOf(mac.doFinal(payload), MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
