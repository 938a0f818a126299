package org.casestream.notification.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.casestream.notification.platform.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path home;

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[32])));
        byte[] first = cipher.encrypt("whsec-very-secret");
        byte[] second = cipher.encrypt("whsec-very-secret");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("whsec");
        assertThat(cipher.decrypt(first)).isEqualTo("whsec-very-secret");
    }

    @Test
    void anotherKeyCannotDecryptAndTamperingIsDetected() {
        byte[] sealed = new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[32])))
                .encrypt("whsec-very-secret");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(otherKey)))
                .decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[32])))
                .decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceIntoTheHomeAndReused() throws Exception {
        byte[] sealed = new SecretCipher(properties("")).encrypt("kept across restarts");
        Path keyFile = home.resolve("notification/secret.key");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        assertThat(new SecretCipher(properties("")).decrypt(sealed)).isEqualTo("kept across restarts");
    }

    @Test
    void outsideLocalDevelopmentNoKeyStopsTheServiceNamingTheSetting() {
        NotificationProperties production = new NotificationProperties("t", "g", "", home.resolve("none/secret.key").toString(),
                "smtp", "from@example.com", "http://x/{caseId}", null, null, false);

        assertThatThrownBy(() -> new SecretCipher(production)).hasMessageContaining("CASESTREAM_NOTIFICATION_KEY");
        assertThat(home.resolve("none")).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongSizeIsRejected() {
        assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    private NotificationProperties properties(String key) {
        return new NotificationProperties("t", "g", key, home.resolve("notification/secret.key").toString(), "smtp",
                "from@example.com", "http://x/{caseId}", null, null, true);
    }
}
