package org.policyradar.app.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyradar.app.alerts.AlertDispatchLoop;
import org.policyradar.app.alerts.AlertDispatcher;
import org.policyradar.app.alerts.HttpWebhookSender;
import org.policyradar.app.alerts.PayloadFormat;
import org.policyradar.app.alerts.RetryPolicy;
import org.policyradar.app.alerts.Sleeper;
import org.policyradar.app.alerts.WebhookSignature;
import org.policyradar.app.alerts.WebhookUrl;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code policy-radar alerts}: the alert dispatcher. Consumes policy.alerts.v1 in its own consumer group and POSTs
 * every alert to a webhook, with retries; alerts it cannot deliver go to a dead-letter topic. Runs until Ctrl-C.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Deliver conflict alerts to a webhook: consume policy.alerts.v1 in a consumer group and POST "
                + "each alert (generic JSON or Slack-compatible), signed with HMAC-SHA256 when a secret is set.",
                "Failures (timeouts, connection errors, 5xx, 429) are retried with exponential backoff; other 4xx "
                        + "answers and alerts still failing after --max-attempts go to the dead-letter topic. "
                        + "Offsets are committed once an alert is delivered or dead-lettered (at-least-once). "
                        + "Runs until Ctrl-C."})
public final class AlertsCommand implements Callable<Integer> {

    /** The environment variable the webhook secret is read from when {@code --secret} is not given. */
    public static final String SECRET_ENV = "POLICY_RADAR_WEBHOOK_SECRET";
    /**
     * The environment variable the webhook URL is read from when {@code --webhook} is not given: a Slack webhook
     * URL is a credential, and the environment keeps it out of the process list.
     */
    public static final String WEBHOOK_ENV = "POLICY_RADAR_WEBHOOK_URL";

    private static final Logger LOG = LoggerFactory.getLogger(AlertsCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    // never shown either: a Slack incoming-webhook URL carries its token in the path
    @Option(names = "--webhook", paramLabel = "URL", defaultValue = "${env:" + WEBHOOK_ENV + "}",
            showDefaultValue = Visibility.NEVER,
            description = "The http(s) URL to POST alerts to. Only its scheme, host and port are ever logged. "
                    + "Defaults to the " + WEBHOOK_ENV + " environment variable, which keeps it off the command line.")
    String webhook;

    @Option(names = "--format", paramLabel = "json|slack", defaultValue = "json",
            description = "Body shape: json (the conflict with alertId and kind) or slack (text and blocks for "
                    + "Slack-compatible incoming webhooks) (default: ${DEFAULT-VALUE}).")
    String format;

    // never shown: no default in the help, and the value is not echoed anywhere
    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = "${env:" + SECRET_ENV + "}",
            showDefaultValue = Visibility.NEVER,
            description = "Shared secret: sign each body with HMAC-SHA256 in the X-Policy-Radar-Signature header. "
                    + "Defaults to the " + SECRET_ENV + " environment variable, which keeps it off the command line.")
    String secret;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + RetryPolicy.DEFAULT_MAX_ATTEMPTS,
            description = "Requests per alert before it is dead-lettered (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long one request may take, answer included (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--group-id", paramLabel = "ID", defaultValue = AlertDispatchLoop.DEFAULT_GROUP_ID,
            description = "Consumer group; dispatchers sharing it share the work (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", defaultValue = Topics.ALERTS_DLQ,
            description = "Where undeliverable alerts go, with the reason, last status and attempts in headers; "
                    + "created if missing (default: ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--offset-reset", paramLabel = "earliest|latest", defaultValue = "earliest",
            description = "Where a group with no committed offset starts (default: ${DEFAULT-VALUE}).")
    String offsetReset;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0",
            description = "Stop after N alerts delivered or dead-lettered, for scripts and tests (default: no limit).")
    long max;

    @Override
    public Integer call() {
        WebhookUrl url = parseWebhook();
        PayloadFormat payloadFormat = parseFormat();
        validate();
        Optional<WebhookSignature> signature = secret == null || secret.isEmpty()
                ? Optional.empty() : Optional.of(new WebhookSignature(secret));
        Duration requestTimeout = Duration.ofSeconds(requestTimeoutSeconds);
        RetryPolicy policy = RetryPolicy.withMaxAttempts(maxAttempts);
        ShutdownSignal signal = ShutdownSignal.install();
        Sleeper wakeOnSignal = delay -> {
            if (signal.await(delay)) {
                throw new InterruptedException("stopping");
            }
        };
        AlertDispatcher dispatcher = new AlertDispatcher(new HttpWebhookSender(url, requestTimeout), payloadFormat,
                signature, policy, wakeOnSignal);
        // each attempt may take the request timeout plus the second the sender allows for the body
        Duration longestPerAlert = policy.longestTotalWait()
                .plus(requestTimeout.plusSeconds(1).multipliedBy(maxAttempts));
        AlertDispatchLoop loop = new AlertDispatchLoop(cluster.clientConfig(),
                new AlertDispatchLoop.Settings(groupId, deadLetterTopic, offsetReset, max, longestPerAlert),
                dispatcher, url.redacted());
        LOG.info("Posting {} bodies to {}, {}", payloadFormat.label(), url.redacted(),
                signature.isPresent() ? "signed" : "unsigned (no secret)");
        try {
            loop.run(signal::received);
            return 0;
        } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
            LOG.debug("The alert dispatcher failed", e);
            spec.commandLine().getErr().println("The alert dispatcher stopped: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private WebhookUrl parseWebhook() {
        if (webhook == null || webhook.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "no webhook: give --webhook URL or set the " + WEBHOOK_ENV + " environment variable");
        }
        try {
            return WebhookUrl.parse(webhook);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--webhook: " + e.getMessage());
        }
    }

    private PayloadFormat parseFormat() {
        try {
            return PayloadFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }

    private void validate() {
        if (maxAttempts < 1) {
            throw new ParameterException(spec.commandLine(), "--max-attempts must be at least 1, not " + maxAttempts);
        }
        if (requestTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--request-timeout must be at least 1 second, not " + requestTimeoutSeconds);
        }
        if (max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 0 (no limit) or more, not " + max);
        }
        if (!offsetReset.equals("earliest") && !offsetReset.equals("latest")) {
            throw new ParameterException(spec.commandLine(),
                    "--offset-reset must be earliest or latest, not " + offsetReset);
        }
        if (groupId.isBlank() || deadLetterTopic.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--group-id and --dead-letter-topic must not be blank");
        }
    }
}
