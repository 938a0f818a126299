package org.casestream.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isHmacSha256OfTimestampDotBodyInHexAsAnyReceiverComputesIt() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03");
    }

    @Test
    void verifiesOnlyTheSameSecretTimestampAndBody() {
        String signature = WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify("key", 1_700_000_000L, "{\"a\":1}", signature)).isTrue();
        assertThat(WebhookSignature.verify("other", 1_700_000_000L, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.verify("key", 1_700_000_001L, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.verify("key", 1_700_000_000L, "{\"a\":2}", signature)).isFalse();
        assertThat(WebhookSignature.verify("key", 1_700_000_000L, "{\"a\":1}", null)).isFalse();
    }
}
