package org.policyradar.registry.server;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddable Schema Registry that speaks Confluent's REST API (the subset Avro producers, consumers and
 * tools use), on the JDK's HTTP server. Schemas live in the {@link SchemaStore} it is given; closing the
 * server does not close the store, which belongs to whoever opened it.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;

    private SchemaRegistryServer(HttpServer server, ExecutorService executor, String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /** Starts a registry without authentication; port 0 picks a free port. */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) throws IOException {
        return start(host, port, store, null);
    }

    /**
     * Starts a registry; port 0 picks a free port.
     *
     * @param basicAuthUserInfo "user:password" to require HTTP basic authentication on every request, or
     *                          null for none
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store, String basicAuthUserInfo)
            throws IOException {
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException("basic auth user info must be 'user:password'");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "schema-registry-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new RegistryHttpHandler(
                new RegistryRoutes(new SchemaRegistryService(store)), basicAuthUserInfo));
        server.start();
        SchemaRegistryServer started = new SchemaRegistryServer(server, executor, host);
        LOG.info("Schema Registry listening on {} (store: {}, basic auth: {})", started.url(),
                store.getClass().getSimpleName(),
                basicAuthUserInfo == null ? "off" : "on for user '" + basicAuthUserInfo.split(":", 2)[0] + "'");
        return started;
    }

    /** The port the registry listens on. */
    public int port() {
        return server.getAddress().getPort();
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
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Schema Registry on {} stopped", url());
    }
}
