package org.policyradar.registry.server;

import java.time.Duration;

/**
 * The bounds that keep one client from taking the registry from the others: how large a request body and a
 * schema may be, how long a client may take to send a request, how long an idle connection is kept, and how
 * many threads and queued requests the server has. {@link #DEFAULTS} suits a local stack and tests; each
 * {@code with…} method answers a copy with one bound changed.
 *
 * @param maxBodyBytes        a request body larger than this is answered 413 without being read (checked
 *                            against Content-Length, and while reading a chunked body)
 * @param maxSchemaBytes      a schema whose text (UTF-8) is larger than this is answered 422 / 42209; it must
 *                            stay below the broker's {@code max.message.bytes} of the {@code _schemas} topic
 * @param requestTimeout      a client must send the headers of a request within one to two times this, and
 *                            its body within this once the headers arrived, or its connection is closed
 * @param idleTimeout         a connection on which nothing is sent for this long is closed
 * @param maxThreads          requests answered at once, each on a thread of its own (slow clients hold none
 *                            while they send headers or a body)
 * @param maxQueuedRequests   requests in progress beyond those (reading their body or waiting for a thread); a
 *                            request beyond them is answered 503 at once
 */
public record RegistryLimits(long maxBodyBytes, int maxSchemaBytes, Duration requestTimeout, Duration idleTimeout,
                             int maxThreads, int maxQueuedRequests) {

    /**
     * 4 MiB bodies, 256 KiB schemas, 10 s to send a request, 30 s idle connections, 16 threads, 256 queued. A
     * schema's record on {@code _schemas} holds its text JSON-escaped, at worst twice as long (every character a
     * quote or a backslash): 256 KiB keeps that under the 1 MiB Kafka accepts by default.
     */
    public static final RegistryLimits DEFAULTS = new RegistryLimits(4L * 1024 * 1024, 256 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(30), 16, 256);

    /** Threads Jetty itself takes from the pool (one acceptor, one selector) besides those answering requests. */
    static final int JETTY_OWN_THREADS = 2;

    public RegistryLimits {
        if (maxBodyBytes < 1 || maxSchemaBytes < 1 || maxThreads < 1 || maxQueuedRequests < 1) {
            throw new IllegalArgumentException("registry limits must be positive");
        }
        if (maxSchemaBytes > maxBodyBytes) {
            throw new IllegalArgumentException("the schema limit (" + maxSchemaBytes
                    + " bytes) cannot exceed the body limit (" + maxBodyBytes + " bytes)");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("registry timeouts must be positive");
        }
    }

    public RegistryLimits withMaxBodyBytes(long bytes) {
        return new RegistryLimits(bytes, maxSchemaBytes, requestTimeout, idleTimeout, maxThreads, maxQueuedRequests);
    }

    public RegistryLimits withMaxSchemaBytes(int bytes) {
        return new RegistryLimits(maxBodyBytes, bytes, requestTimeout, idleTimeout, maxThreads, maxQueuedRequests);
    }

    public RegistryLimits withRequestTimeout(Duration timeout) {
        return new RegistryLimits(maxBodyBytes, maxSchemaBytes, timeout, idleTimeout, maxThreads, maxQueuedRequests);
    }

    public RegistryLimits withMaxThreads(int threads) {
        return new RegistryLimits(maxBodyBytes, maxSchemaBytes, requestTimeout, idleTimeout, threads, maxQueuedRequests);
    }
}
