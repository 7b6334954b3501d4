package org.policyradar.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds and checks loopback TCP ports for the embedded stack.
 *
 * <p>A picked port is free when it is picked; another process could take it before the server binds it.
 * That window is short and the local stack accepts it, because Kafka needs the controller port before it
 * starts (it is part of the quorum configuration) and the broker's advertised port must be known too.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A port that is free on {@code host} right now. */
    static int pick(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + host, e);
        }
    }

    /** Returns {@code port} if it is free on {@code host}, else fails with a message naming {@code what}. */
    static int requireFree(String host, int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " port must be between 1 and 65535 (or 0 for a free port), not " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // a listener that closed recently leaves TIME_WAIT sockets behind; they must not make the port look taken
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + port + " on " + host
                    + " is already in use (is another stack running?). Choose another port, or 0 for a free one.", e);
        }
    }
}
