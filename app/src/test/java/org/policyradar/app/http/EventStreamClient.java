package org.policyradar.app.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent-events stream in the background and queues its events, for the tests. */
final class EventStreamClient implements AutoCloseable {

    /** One event: its name and its data. */
    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    EventStreamClient(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.response = http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = answer.body()) {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(name[0], data.toString()));
                        }
                        name[0] = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring("data:".length()).trim());
                    }
                });
            } catch (RuntimeException closed) {
                // the stream was closed under us: the test is over
            }
        });
    }

    /** The first event (from now on) that passes {@code test}, waiting at most {@code timeout}; null if none. */
    Event await(Predicate<Event> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event != null && test.test(event)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
