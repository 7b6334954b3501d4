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
import java.util.ArrayList;
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
 *   <tr><td>{@code GET /api/conflicts?topic=&jurisdiction=&actor=&since=&limit=&cursor=}</td><td>conflicts, latest
 *   first, a page at a time ({@link Page})</td></tr>
 *   <tr><td>{@code GET /api/conflicts/{id}}</td><td>one conflict, 404 when unknown</td></tr>
 *   <tr><td>{@code GET /api/items/{id}}</td><td>an enriched item with its positions and evidence</td></tr>
 *   <tr><td>{@code GET /api/actors?limit=&cursor=}</td><td>positions per actor, with counterparts, paged</td></tr>
 *   <tr><td>{@code GET /api/stream}</td><td>server-sent events: {@code conflict} per new conflict; 503 past
 *   {@link #DEFAULT_MAX_STREAM_CLIENTS} clients</td></tr>
 *   <tr><td>{@code GET /health}</td><td>200 when Streams is RUNNING, else 503 with the state</td></tr>
 *   <tr><td>{@code GET /metrics}</td><td>Prometheus text format: Kafka Streams and JVM metrics</td></tr>
 * </table>
 *
 * <p>Every answer carries {@value #CONTENT_SECURITY_POLICY} as {@code Content-Security-Policy},
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer}.
 * A server bound to the loopback interface answers only requests whose {@code Host} is a loopback name or the
 * configured host ({@link HostAllowList}), so that no other site can read it through DNS rebinding; others get 403.
 *
 * <p>Lifecycle: {@link #start} binds the port (so that a free port is known), {@link #streamsConfig} adds this
 * instance's address as {@code application.server} to the Streams configuration, and {@link #attach} hands over
 * the started KafkaStreams; until then the state endpoints answer 503.
 */
public final class PolicyRadarHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRadarHttpServer.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String JSON_TYPE = "application/json";

    /** Live clients of {@code /api/stream} one instance serves at most by default; more are answered 503. */
    public static final int DEFAULT_MAX_STREAM_CLIENTS = 100;
    /**
     * Scripts, styles, connections and frames from this origin only, images also as {@code data:} URLs (the
     * favicon), and no page may frame this one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Headers on every answer, static files included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    private static final String RETRY_AFTER_SECONDS = "30";

    private final ObjectMapper json = new ObjectMapper();
    private final ServerMetrics metrics = new ServerMetrics();
    private final ConflictFeed feed;
    private final String advertisedHost;
    private final boolean loopbackOnly;
    private final int maxStreamClients;
    private final Javalin app;
    private volatile HostAllowList allowedHosts;
    private volatile KafkaStreams streams;
    private volatile StateQueries queries;

    private PolicyRadarHttpServer(String advertisedHost, int port, Map<String, Object> clientConfig,
                                  int maxStreamClients) {
        this.advertisedHost = advertisedHost;
        this.maxStreamClients = maxStreamClients;
        this.feed = new ConflictFeed(clientConfig);
        this.loopbackOnly = LOOPBACK.contains(advertisedHost);
        String bindHost = loopbackOnly ? "127.0.0.1" : "0.0.0.0";
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
        return start(advertisedHost, port, clientConfig, DEFAULT_MAX_STREAM_CLIENTS);
    }

    /** As {@link #start(String, int, Map)}, serving at most {@code maxStreamClients} live clients. */
    public static PolicyRadarHttpServer start(String advertisedHost, int port, Map<String, Object> clientConfig,
                                              int maxStreamClients) {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (maxStreamClients < 1) {
            throw new IllegalArgumentException("at least one live client must be allowed, not " + maxStreamClients);
        }
        PolicyRadarHttpServer server = new PolicyRadarHttpServer(advertisedHost, port, clientConfig,
                maxStreamClients);
        try {
            server.app.start();
            // the port is known only now (0 asks for a free one)
            server.allowedHosts = new HostAllowList(advertisedHost, server.app.port());
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
            Map<String, String> headers = new HashMap<>(files.headers);
            headers.putAll(SECURITY_HEADERS);
            files.headers = headers;
        });
        config.routes.before(this::guard);
        config.routes.before("/api/stream", this::admitLiveClient);
        config.routes.get("/health", this::health);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        config.routes.get("/api/conflicts", ctx -> {
            Page.Slice page = queries().conflicts(ConflictFilter.fromQuery(ctx::queryParam), local(ctx), page(ctx));
            respondPage(ctx, page);
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
            Page page = page(ctx);
            ArrayNode actors = ActorSummaries.of(queries().conflicts(ConflictFilter.fromQuery(ctx::queryParam),
                    local(ctx)));
            List<JsonNode> all = new ArrayList<>();
            actors.forEach(all::add);
            respondPage(ctx, page.of(all, ActorSummaries.ORDER, ActorSummaries.KEY));
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

    /** Security headers on every answer; on a loopback-bound server, only the allowed Host names. */
    private void guard(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        HostAllowList allowed = allowedHosts;
        if (loopbackOnly && allowed != null && !allowed.allows(ctx.header("Host"))) {
            // the refused name is not echoed: it is the caller's text
            throw new ApiException(403, "This server answers only to the host names " + allowed.describe()
                    + "; start it with --http-host NAME to be reached by another name");
        }
    }

    /** Refuses a live client past the cap before the event stream starts, so that it gets a real 503. */
    private void admitLiveClient(Context ctx) {
        if (feed.clientCount() >= maxStreamClients) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw ApiException.unavailable("Too many live clients (" + maxStreamClients + "); retry later");
        }
    }

    private void follow(SseClient client) {
        client.keepAlive();
        if (!feed.tryAdd(client, maxStreamClients)) {
            // another client took the last place between the check and now
            client.sendEvent("error", error(503, "Too many live clients (" + maxStreamClients + ")").toString());
            client.close();
            return;
        }
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

    /** The page a request asks for; another instance asking for its part of a listing gets all unless it says. */
    private static Page page(Context ctx) {
        return local(ctx) && ctx.queryParam("limit") == null ? Page.all() : Page.fromQuery(ctx::queryParam);
    }

    private void respondPage(Context ctx, Page.Slice page) {
        if (page.nextCursor() != null) {
            ctx.header(Page.NEXT_CURSOR_HEADER, page.nextCursor());
        }
        respond(ctx, 200, json.createArrayNode().addAll(page.elements()));
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
