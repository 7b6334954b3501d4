package org.policyradar.app.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.policyradar.avro.ConflictAlert;

/** The webhook body's shape, chosen with {@code --format}. */
public enum PayloadFormat {

    /** {@link JsonAlertBody}: the conflict's JSON with the alert's id and kind. */
    JSON(JsonAlertBody::render),
    /** {@link SlackAlertBody}: {@code text} and {@code blocks} for Slack-compatible incoming webhooks. */
    SLACK(SlackAlertBody::render);

    private final Function<ConflictAlert, String> renderer;

    PayloadFormat(Function<ConflictAlert, String> renderer) {
        this.renderer = renderer;
    }

    /** The body for {@code alert}, as JSON text. */
    public String render(ConflictAlert alert) {
        return renderer.apply(alert);
    }

    /** The name used on the command line: {@code json} or {@code slack}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code json} or {@code slack}, in any case. */
    public static PayloadFormat parse(String text) {
        return Arrays.stream(values())
                .filter(format -> format.name().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + text + "': expected json or slack"));
    }
}
