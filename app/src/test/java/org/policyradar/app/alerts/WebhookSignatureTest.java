package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void shouldMatchTheRfc4231HmacSha256TestVector() {
        // RFC 4231, test case 2
        WebhookSignature signature = new WebhookSignature("Jefe");

        assertThat(signature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldChangeWhenOneByteOfTheBodyChanges() {
        WebhookSignature signature = new WebhookSignature("s3cret");

        assertThat(signature.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature.sign("{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(new WebhookSignature("hunter2-do-not-print")).hasToString("WebhookSignature[secret hidden]");
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
