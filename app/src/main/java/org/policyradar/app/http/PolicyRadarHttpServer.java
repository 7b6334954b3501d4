package org.policyradar.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.sse.SseClient;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a Streams instance: a JSON API over its state (interactive queries, forwarded to the instance
 * that owns a key), health and Prometheus metrics, a live feed of new conflicts, and the dashboard.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET /}</td><td>the dashboard</td></tr>
 *   <tr><td>{@code GET /api/conflicts?topic=&jurisdiction=&actor=&since=}</td><td>conflicts, latest first</td></tr>
 *   <tr><td>{@code GET /api/conflicts/{id}}</td><td>one conflict, 404 when unknown</td></tr>
 *   <tr><td>{@code GET /api/items/{id}}</td><td>an enriched item with its positions and evidence</td></tr>
 *   <tr><td>{@code GET /api/actors}</td><td>positions per actor, with counterparts</td></tr>
 *   <tr><td>{@code GET /api/stream}</td><td>server-sent events: {@code conflict} per new conflict</td></tr>
 *   <tr><td>{@code GET /health}</td><td>200 when Streams is RUNNING, else 503 with the state</td></tr>
 *   <tr><td>{@code GET /metrics}</td><td>Prometheus text format: Kafka Streams and JVM metrics</td></tr>
 * </table>
 *
 * <p>Lifecycle: {@link #start} binds the port (so that a free port is known), {@link #streamsConfig} adds this
 * instance's address as {@code application.server} to the Streams configuration, and {@link #attach} hands over
 * the started KafkaStreams; until then the state endpoints answer 503.
 */
public final class PolicyRadarHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRadarHttpServer.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String JSON_TYPE = "application/json";

    private final ObjectMapper json = new ObjectMapper();
    private final ServerMetrics metrics = new ServerMetrics();
    private final ConflictFeed feed;
    private final String advertisedHost;
    private final Javalin app;
    private volatile KafkaStreams streams;
    private volatile StateQueries queries;

    private PolicyRadarHttpServer(String advertisedHost, int port, Map<String, Object> clientConfig) {
        this.advertisedHost = advertisedHost;
        this.feed = new ConflictFeed(clientConfig);
        String bindHost = LOOPBACK.contains(advertisedHost) ? "127.0.0.1" : "0.0.0.0";
        this.app = Javalin.create(config -> configure(config, bindHost, port));
    }

    /**
     * Starts the server and the live feed; returns once the port is bound.
     *
     * @param advertisedHost the host other instances (and browsers) reach this one at; the server listens on the
     *                       loopback interface when it is a loopback name, on every interface otherwise
     * @param port           the port, 0 for a free one
     * @param clientConfig   Kafka client and serde settings, for the live feed
     * @throws IllegalStateException when the port cannot be bound
     */
    public static PolicyRadarHttpServer start(String advertisedHost, int port, Map<String, Object> clientConfig) {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        PolicyRadarHttpServer server = new PolicyRadarHttpServer(advertisedHost, port, clientConfig);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("Cannot start the HTTP server on port " + port + ": "
                    + rootMessage(e) + " (choose another with --http-port, or 0 for a free one)", e);
        }
        LOG.info("HTTP API and dashboard on {}", server.url());
        return server;
    }

    /** {@code client config} plus {@code application.server} = this instance, for {@code StreamsPipeline.start}. */
    public Map<String, Object> streamsConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer());
        return config;
    }

    /** Serves the state of this (started) Streams client from now on, and its metrics. */
    public void attach(KafkaStreams streams) {
        this.queries = new StateQueries(streams, hostInfo(), json);
        this.streams = streams;
        metrics.bind(streams);
    }

    /** This instance as Kafka Streams knows it ({@code application.server}). */
    public HostInfo hostInfo() {
        return new HostInfo(advertisedHost, port());
    }

    /** {@code host:port}, the value of {@code application.server}. */
    public String applicationServer() {
        return advertisedHost + ":" + port();
    }

    public int port() {
        return app.port();
    }

    /** The dashboard's address. */
    public URI url() {
        return URI.create("http://" + applicationServer() + "/");
    }

    @Override
    public void close() {
        try {
            // live clients first: their requests end cleanly only while the server still runs
            feed.close();
        } finally {
            try {
                app.stop();
            } finally {
                metrics.close();
            }
        }
    }

    private void configure(JavalinConfig config, String bindHost, int port) {
        config.jetty.host = bindHost;
        config.jetty.port = port;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
        });
        config.routes.get("/health", this::health);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        config.routes.get("/api/conflicts", ctx -> {
            List<JsonNode> found = queries().conflicts(ConflictFilter.fromQuery(ctx::queryParam), local(ctx));
            respond(ctx, 200, json.createArrayNode().addAll(found));
        });
        config.routes.get("/api/conflicts/{id}", ctx -> {
            String id = ctx.pathParam("id");
            respond(ctx, 200, queries().conflict(id, local(ctx))
                    .orElseThrow(() -> ApiException.notFound("No conflict with id '" + id + "'")));
        });
        config.routes.get("/api/items/{id}", ctx -> {
            String id = ctx.pathParam("id");
            respond(ctx, 200, queries().item(id, local(ctx)).orElseThrow(() -> ApiException.notFound(
                    "No item with id '" + id + "' (unknown, or older than the state keeps)")));
        });
        config.routes.get("/api/actors", ctx -> {
            ArrayNode actors = ActorSummaries.of(queries().conflicts(ConflictFilter.fromQuery(ctx::queryParam),
                    local(ctx)));
            respond(ctx, 200, actors);
        });
        config.routes.sse("/api/stream", this::follow);
        config.routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), error(e.status(),
                e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} failed", describe(ctx), e);
            respond(ctx, 500, error(500, "Internal error: " + rootMessage(e)));
        });
        config.routes.error(404, ctx -> {
            // the API's own 404s are JSON already; unknown paths get the same shape
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(JSON_TYPE)) {
                respond(ctx, 404, error(404, "No such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    private void health(Context ctx) {
        KafkaStreams current = streams;
        String state = current == null ? "STARTING" : current.state().name();
        ObjectNode body = json.createObjectNode().put("status", state).put("instance", applicationServer());
        respond(ctx, current != null && current.state() == KafkaStreams.State.RUNNING ? 200 : 503, body);
    }

    private void follow(SseClient client) {
        client.keepAlive();
        feed.add(client);
        // tells the client it is registered: every conflict found from now on reaches it
        client.sendEvent("ready", json.createObjectNode().put("instance", applicationServer()).toString(),
                applicationServer());
    }

    private StateQueries queries() {
        StateQueries current = queries;
        if (current == null) {
            throw ApiException.unavailable("The Streams application is not started yet; retry shortly");
        }
        return current;
    }

    /** The request, for a log line; a request that is already over cannot say what it was. */
    private static String describe(Context ctx) {
        try {
            return ctx.method() + " " + ctx.path();
        } catch (RuntimeException gone) {
            return "a request";
        }
    }

    private static boolean local(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("local"));
    }

    private ObjectNode error(int status, String message) {
        return json.createObjectNode().put("status", status).put("error", message);
    }

    private void respond(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType(JSON_TYPE).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
