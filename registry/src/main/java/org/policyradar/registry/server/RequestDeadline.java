package org.policyradar.registry.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client started a request but has not finished sending its headers within one to
 * two periods: a slow-loris client, which sends a byte now and then so that the idle timeout never fires.
 * Jetty parses headers without holding a thread, so such clients cannot starve the pool; this bounds how long
 * they hold a connection. A connection that sends nothing is left to the idle timeout, and one whose request
 * is being answered is never closed here.
 */
final class RequestDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private final Scheduler scheduler;
    private final long periodMillis;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    RequestDeadline(Scheduler scheduler, long periodMillis) {
        this.scheduler = scheduler;
        this.periodMillis = periodMillis;
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        watch.arm();
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = watches.remove(connection);
        if (watch != null) {
            watch.cancel();
        }
    }

    /**
     * Wraps the handler chain so that the clock stops while a request is being answered (waiting for a thread
     * included) and starts again once its answer has been sent.
     */
    Handler watching(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Connection connection = request.getConnectionMetaData().getConnection();
                requestStarted(connection);
                boolean handled = super.handle(request, response,
                        Callback.from(callback, () -> requestFinished(connection)));
                if (!handled) {
                    requestFinished(connection);
                }
                return handled;
            }
        };
    }

    /** The headers of a request arrived on this connection: it is being answered. */
    private void requestStarted(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.started();
        }
    }

    /** The answer to the request on this connection was sent: the next request's clock starts. */
    private void requestFinished(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.finished();
        }
    }

    private final class Watch {
        private final Connection connection;
        private boolean answering;
        private boolean partialRequestSeen;
        private long bytesAtLastCheck;
        private Scheduler.Task task;

        Watch(Connection connection) {
            this.connection = connection;
        }

        synchronized void arm() {
            partialRequestSeen = false;
            bytesAtLastCheck = connection.getBytesIn();
            schedule();
        }

        synchronized void started() {
            answering = true;
            cancel();
        }

        synchronized void finished() {
            answering = false;
            cancel();
            arm();
        }

        synchronized void cancel() {
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        private void schedule() {
            task = scheduler.schedule(this::check, periodMillis, TimeUnit.MILLISECONDS);
        }

        private void check() {
            synchronized (this) {
                task = null;
                if (answering) {
                    return;
                }
                long bytes = connection.getBytesIn();
                if (partialRequestSeen) {
                    // bytes came in a period ago and still no complete request headers
                    LOG.debug("Closing {}: request headers not complete within the request timeout", connection);
                } else {
                    partialRequestSeen = bytes != bytesAtLastCheck;
                    bytesAtLastCheck = bytes;
                    schedule();
                    return;
                }
            }
            // closes the socket itself: closing the connection would have Jetty answer the half-parsed request
            // with a misleading 500 (end of file)
            connection.getEndPoint().close();
        }
    }
}
