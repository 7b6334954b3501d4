package org.policyradar.app.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook's address, checked once: an absolute http or https URL with a host. Webhook URLs often carry their
 * credential in the path or query (Slack's do), so everything that is logged or written to a dead letter uses
 * {@link #redacted()}: the scheme, host and port only.
 */
public final class WebhookUrl {

    private final URI uri;

    private WebhookUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not an absolute http(s) URL with a host; the message
     *                                  does not repeat the URL
     */
    public static WebhookUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the webhook must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the webhook URL has no host");
        }
        return new WebhookUrl(uri);
    }

    /** The full address, for the HTTP client only. */
    public URI uri() {
        return uri;
    }

    /** {@code scheme://host[:port]}: safe to log. */
    public String redacted() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
