package org.policyradar.app.cli;

import java.util.Map;
import org.policyradar.app.http.PolicyRadarHttpServer;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for commands that serve the HTTP API and dashboard next to a Streams instance:
 * {@code --http-port} and {@code --http-host}.
 */
public class HttpServerOptions {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API and dashboard; 0 for a free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "localhost",
            description = "Host name other instances and browsers reach this instance at (Kafka Streams' "
                    + "application.server). With a loopback name the server listens on 127.0.0.1 only and "
                    + "answers only requests addressed to localhost, 127.0.0.1 or [::1] (DNS rebinding); otherwise "
                    + "it listens on every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--http-max-live-clients", paramLabel = "N",
            defaultValue = "" + PolicyRadarHttpServer.DEFAULT_MAX_STREAM_CLIENTS,
            description = "Live dashboard clients (/api/stream) served at once; more are answered 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxLiveClients;

    /** Starts the server these options describe. */
    public PolicyRadarHttpServer start(Map<String, Object> clientConfig) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--http-port must be between 0 and 65535, was " + port);
        }
        if (maxLiveClients < 1) {
            throw new IllegalArgumentException("--http-max-live-clients must be at least 1, was " + maxLiveClients);
        }
        return PolicyRadarHttpServer.start(host, port, clientConfig, maxLiveClients);
    }
}
