package org.policyradar.app.bench;

import java.util.List;
import java.util.Map;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.streams.topology.StreamsRunner;

/**
 * The clients of a bench path through a Streams application: the running application, the watcher of its
 * output topics and the publisher of its input. Closed input first and the application last, so that it never
 * loses its input midway.
 */
final class StreamsPathClients implements AutoCloseable {

    private final StreamsRunner runner;
    private final TopicWatcher watcher;
    private final NewsPublisher publisher;

    private StreamsPathClients(StreamsRunner runner, TopicWatcher watcher, NewsPublisher publisher) {
        this.runner = runner;
        this.watcher = watcher;
        this.publisher = publisher;
    }

    /**
     * Waits until {@code runner} runs, then watches {@code topics} and opens a publisher; when any of that fails,
     * closes what it opened, the application included.
     */
    static StreamsPathClients open(Map<String, Object> config, StreamsRunner runner, List<String> topics,
                                   TopicWatcher.Listener listener) throws InterruptedException {
        TopicWatcher watcher = null;
        try {
            BenchPhases.awaitRunning(runner);
            watcher = new TopicWatcher(config, topics, listener);
            return new StreamsPathClients(runner, watcher,
                    new NewsPublisher(config, BenchPhases.newsItemSerializer(config)));
        } catch (InterruptedException | RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            runner.close();
            throw e;
        }
    }

    StreamsRunner runner() {
        return runner;
    }

    TopicWatcher watcher() {
        return watcher;
    }

    NewsPublisher publisher() {
        return publisher;
    }

    /** Fails the phase when the publisher could not send every item: a throughput of fewer items would flatter. */
    void checkPublished() {
        if (publisher.failedCount() > 0) {
            throw new IllegalStateException(publisher.failedCount() + " news items could not be published");
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            publisher.close();
            watcher.close();
        } finally {
            runner.close();
        }
    }
}
