package org.policyradar.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.avro.ConflictAlert;

/**
 * The generic webhook body: the alert's identity ({@code alertId}, {@code kind}, {@code title}, {@code eventTime},
 * {@code ruleVersion}) followed by exactly the fields of {@link ConflictFormat#json(ConflictAlert)}
 * ({@code conflictId, topic, domain, score, explanation, pressing, resisting}), which is reused as it is so that the
 * webhook and {@code run --json} never drift apart.
 */
public final class JsonAlertBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAlertBody() {
    }

    /** One JSON object on one line. */
    public static String render(ConflictAlert alert) {
        ObjectNode body = JSON.createObjectNode();
        body.put("alertId", alert.getAlertId());
        body.put("kind", alert.getKind().name());
        body.put("title", alert.getTitle());
        body.put("eventTime", alert.getEventTime().toString());
        body.put("ruleVersion", alert.getRuleVersion());
        try {
            body.setAll((ObjectNode) JSON.readTree(ConflictFormat.json(alert)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ConflictFormat.json produced invalid JSON", e);
        }
        return body.toString();
    }
}
