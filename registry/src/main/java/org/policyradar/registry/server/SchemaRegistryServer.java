package org.policyradar.registry.server;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * An embeddable Schema Registry that speaks Confluent's REST API (the subset Avro producers, consumers and
 * tools use), on Jetty. Schemas live in the {@link SchemaStore} it is given; closing the server does not close
 * the store, which belongs to whoever opened it.
 *
 * <p>Jetty reads request headers without holding a thread, and the registry reads bodies the same way, so slow
 * or stalled clients cannot take the threads that answer the others; {@link RegistryLimits} bounds the body
 * and schema sizes, the time a client may take to send a request, idle connections and the thread pool.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private SchemaRegistryServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /** Starts a registry without authentication, with the default limits; port 0 picks a free port. */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) throws IOException {
        return start(host, port, store, null);
    }

    /**
     * Starts a registry with the default limits; port 0 picks a free port.
     *
     * @param basicAuthUserInfo "user:password" to require HTTP basic authentication on every request, or
     *                          null for none
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store, String basicAuthUserInfo)
            throws IOException {
        return start(host, port, store, basicAuthUserInfo, RegistryLimits.DEFAULTS);
    }

    /**
     * Starts a registry; port 0 picks a free port.
     *
     * @param basicAuthUserInfo "user:password" to require HTTP basic authentication on every request, or
     *                          null for none
     * @param limits            body and schema sizes, timeouts and threads
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store, String basicAuthUserInfo,
                                             RegistryLimits limits) throws IOException {
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException("basic auth user info must be 'user:password'");
        }
        int threads = limits.maxThreads() + RegistryLimits.JETTY_OWN_THREADS;
        // Jetty wants an unbounded queue for its own tasks; requests are bounded by the handler
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 4),
                (int) limits.idleTimeout().toMillis());
        pool.setName("schema-registry-http");
        pool.setDaemon(true);
        // no reserved threads: every thread answers requests
        pool.setReservedThreads(0);
        Server server = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // subjects may hold any printable character, '/' included (as %2F), as with Confluent's registry
        http.setUriCompliance(UriCompliance.DEFAULT.with("subjects",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        // a daemon scheduler, like the pool's threads: a registry left open never keeps a JVM from exiting
        ServerConnector connector = new ServerConnector(server, null,
                new ScheduledExecutorScheduler("schema-registry-scheduler", true), null, 1, 1,
                new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        RequestDeadline deadline = new RequestDeadline(connector.getScheduler(), limits.requestTimeout().toMillis());
        connector.addBean(deadline);
        server.addConnector(connector);
        server.setErrorHandler(new RegistryErrorHandler());
        // the pool's threads answer requests (at most maxThreads at once, plus Jetty's own two); requests in
        // progress beyond them wait in its queue, bounded by the handler (maxThreads + maxQueuedRequests)
        RegistryHttpHandler registry = new RegistryHttpHandler(
                new RegistryRoutes(new SchemaRegistryService(store, limits.maxSchemaBytes())), basicAuthUserInfo,
                limits);
        server.setHandler(deadline.watching(registry));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e instanceof IOException io ? io : new IOException("Schema Registry could not start on "
                    + host + ":" + port + ": " + e.getMessage(), e);
        }
        SchemaRegistryServer started = new SchemaRegistryServer(server, connector, host);
        LOG.info("Schema Registry listening on {} (store: {}, basic auth: {}, limits: {})", started.url(),
                store.getClass().getSimpleName(),
                basicAuthUserInfo == null ? "off" : "on for user '" + basicAuthUserInfo.split(":", 2)[0] + "'",
                limits);
        return started;
    }

    /** The port the registry listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://localhost:8081}. */
    public String url() {
        String urlHost = host;
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            urlHost = "localhost";
        } else if (host.contains(":")) {
            urlHost = "[" + host + "]";
        }
        return "http://" + urlHost + ":" + port();
    }

    @Override
    public void close() {
        String url = url();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Schema Registry on {} did not stop cleanly: {}", url, e.toString());
        }
        LOG.info("Schema Registry on {} stopped", url);
    }
}
