package org.policyradar.app.alerts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests so that a receiver can check they come from this dispatcher, were not altered and are not
 * a replay of an old request (the scheme of Stripe and Slack): each request carries
 * {@value #TIMESTAMP_HEADER}{@code : <Unix time in seconds>} and
 * {@value #HEADER}{@code : v1=<hex HMAC-SHA256, keyed with the shared secret, of the timestamp, ".", and the exact
 * body bytes>}. A receiver recomputes the HMAC, compares in constant time, and refuses a timestamp more than
 * {@link #DEFAULT_TOLERANCE} away from its clock; {@link #verify} is that check. The secret is never shown: not by
 * {@link #toString()}, not in any message.
 */
public final class WebhookSignature {

    /** The request header carrying the signature. */
    public static final String HEADER = "X-Policy-Radar-Signature";
    /** The request header carrying the time of signing, in whole seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-Policy-Radar-Timestamp";
    /** The version prefix of the signature; a later scheme would be {@code v2=}. */
    public static final String VERSION = "v1=";
    /** How far a timestamp may be from the receiver's clock: five minutes, as Stripe and Slack allow. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the shared secret, as UTF-8 bytes; must not be empty */
    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@value #HEADER} value for {@code body} signed at {@code timestampSeconds}: {@code v1=} and 64 hex digits. */
    public String sign(long timestampSeconds, byte[] body) {
        return VERSION + HexFormat.of().formatHex(hmac(signedPayload(Long.toString(timestampSeconds), body)));
    }

    /**
     * The receiver's check: the timestamp is a number of seconds within {@code tolerance} of {@code now}, and the
     * signature is {@code v1=} and the HMAC of {@code timestamp.body}, compared in constant time.
     *
     * @param timestamp the {@value #TIMESTAMP_HEADER} header as received (null when missing)
     * @param signature the {@value #HEADER} header as received (null when missing)
     */
    public boolean verify(String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,18}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = (VERSION + HexFormat.of().formatHex(hmac(signedPayload(timestamp, body))))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] signedPayload(String timestamp, byte[] body) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(timestamp.length() + 1 + body.length);
        payload.writeBytes(timestamp.getBytes(StandardCharsets.US_ASCII));
        payload.write('.');
        payload.writeBytes(body);
        return payload.toByteArray();
    }

    private byte[] hmac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            // every Java runtime ships HmacSHA256
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret hidden]";
    }
}
