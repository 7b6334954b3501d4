package org.policyradar.app.alerts;

import java.util.OptionalInt;

/**
 * What became of one alert: delivered, or not and why.
 *
 * @param delivered  true when the webhook answered 2xx
 * @param attempts   how many requests were sent (0 when the record could not be read as an alert)
 * @param lastStatus the last HTTP status the webhook answered, empty when it never answered
 * @param reason     why it was not delivered (empty when it was), e.g. {@code HTTP 500 after 5 attempts}
 */
public record DeliveryReport(boolean delivered, int attempts, OptionalInt lastStatus, String reason) {

    /** Delivered on attempt {@code attempts} with {@code status}. */
    public static DeliveryReport delivered(int attempts, int status) {
        return new DeliveryReport(true, attempts, OptionalInt.of(status), "");
    }

    /** Given up after {@code attempts} requests. */
    public static DeliveryReport failed(int attempts, OptionalInt lastStatus, String reason) {
        return new DeliveryReport(false, attempts, lastStatus, reason);
    }

    /** Not an alert at all: nothing was sent. */
    public static DeliveryReport unreadable(String reason) {
        return new DeliveryReport(false, 0, OptionalInt.empty(), reason);
    }
}
