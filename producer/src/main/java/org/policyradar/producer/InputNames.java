package org.policyradar.producer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What the name of an input (a path, {@code stdin}, or an http(s) URL) says about it. */
final class InputNames {

    private InputNames() {
    }

    static boolean isHttpUrl(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * The source of items from an input that names none: the host of a URL, else the last segment of a path
     * ({@code news/wire.jsonl} gives {@code wire.jsonl}).
     */
    static String defaultSource(String name) {
        if (isHttpUrl(name)) {
            String host = host(name);
            if (host != null) {
                return host;
            }
        }
        return lastSegment(name);
    }

    /** The last segment of a path or of a URL's path, without a query or fragment; used to read the extension. */
    static String lastSegment(String name) {
        String path = name;
        if (isHttpUrl(name)) {
            int end = indexOfAny(name, '?', '#');
            path = end < 0 ? name : name.substring(0, end);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String last = path.substring(slash + 1);
        return last.isEmpty() ? name : last;
    }

    private static String host(String url) {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
