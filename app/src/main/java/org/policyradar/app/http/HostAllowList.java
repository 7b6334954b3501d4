package org.policyradar.app.http;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code Host} names a loopback-bound server answers to: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}
 * and the configured {@code --http-host}, with no port or this server's port. A page on another site can make a
 * browser send requests to 127.0.0.1 by pointing its own name at that address (DNS rebinding); the browser then
 * sends that site's name as {@code Host}, which this list refuses, so the page can never read the API.
 */
final class HostAllowList {

    private final Set<String> names = new TreeSet<>();
    private final int port;

    /**
     * @param configuredHost the {@code --http-host} name, allowed too
     * @param port           the server's port
     */
    HostAllowList(String configuredHost, int port) {
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("[::1]");
        names.add(normalise(configuredHost.contains(":") && !configuredHost.startsWith("[")
                ? "[" + configuredHost + "]" : configuredHost));
        this.port = port;
    }

    /** Whether a request with this {@code Host} header may be answered; a missing header is refused. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = normalise(hostHeader.strip());
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']') < colon) {
            name = host.substring(0, colon);
            String givenPort = host.substring(colon + 1);
            if (!givenPort.equals(Integer.toString(port))) {
                return false;
            }
        }
        return names.contains(name);
    }

    /** The allowed names, for the refusal's message. */
    String describe() {
        return String.join(", ", names) + " (port " + port + ")";
    }

    // host names are case-insensitive; a trailing dot names the same host
    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
