package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final long T = SIGNED_AT.getEpochSecond();
    private static final byte[] BODY = "{\"alertId\":\"c-1:NEW_CONFLICT\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    private final WebhookSignature signature = new WebhookSignature("s3cret");

    @Test
    void shouldBeTheHmacSha256OfTheTimestampADotAndTheBody() throws Exception {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?", here split as "what do ya want" "." ...
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("Jefe".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(
                ("1700000000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(new WebhookSignature("Jefe").sign(1_700_000_000L, BODY)).isEqualTo(expected)
                .matches("v1=[0-9a-f]{64}");
    }

    @Test
    void shouldVerifyARequestSignedWithinTheTolerance() {
        String signed = signature.sign(T, BODY);

        assertThat(signature.verify(Long.toString(T), signed, BODY, SIGNED_AT, TOLERANCE)).isTrue();
        assertThat(signature.verify(Long.toString(T), signed, BODY, SIGNED_AT.plus(TOLERANCE), TOLERANCE)).isTrue();
        assertThat(signature.verify(Long.toString(T), signed, BODY, SIGNED_AT.minusSeconds(60), TOLERANCE)).isTrue();
    }

    @Test
    void shouldRefuseACapturedRequestReplayedAfterTheTolerance() {
        String signed = signature.sign(T, BODY);

        assertThat(signature.verify(Long.toString(T), signed, BODY, SIGNED_AT.plus(TOLERANCE).plusSeconds(1),
                TOLERANCE)).isFalse();
        assertThat(signature.verify(Long.toString(T), signed, BODY, SIGNED_AT.plus(Duration.ofHours(6)), TOLERANCE))
                .isFalse();
    }

    @Test
    void shouldRefuseARequestWhoseTimestampWasChangedToLookFresh() {
        String signed = signature.sign(T, BODY);
        Instant sixHoursLater = SIGNED_AT.plus(Duration.ofHours(6));

        assertThat(signature.verify(Long.toString(sixHoursLater.getEpochSecond()), signed, BODY, sixHoursLater,
                TOLERANCE)).isFalse();
    }

    @Test
    void shouldRefuseAnAlteredBodyAWrongSecretAndMissingOrMalformedHeaders() {
        String signed = signature.sign(T, BODY);
        byte[] altered = "{\"alertId\":\"c-2:NEW_CONFLICT\"}".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(T);

        assertThat(signature.verify(ts, signed, altered, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(new WebhookSignature("other").verify(ts, signed, BODY, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(signature.verify(null, signed, BODY, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(signature.verify(ts, null, BODY, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(signature.verify("-1", signed, BODY, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(signature.verify("1e9", signed, BODY, SIGNED_AT, TOLERANCE)).isFalse();
        assertThat(signature.verify(ts, signed.replace("v1=", "sha256="), BODY, SIGNED_AT, TOLERANCE)).isFalse();
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(new WebhookSignature("hunter2-do-not-print")).hasToString("WebhookSignature[secret hidden]");
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
