package org.policyradar.app.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so that a receiver can check they come from this dispatcher and were not altered:
 * {@value #HEADER}{@code : sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the shared secret>}.
 * The secret is never shown: not by {@link #toString()}, not in any message.
 */
public final class WebhookSignature {

    /** The request header carrying the signature. */
    public static final String HEADER = "X-Policy-Radar-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the shared secret, as UTF-8 bytes; must not be empty */
    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code body}: {@code sha256=} and 64 lower-case hex digits. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
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
