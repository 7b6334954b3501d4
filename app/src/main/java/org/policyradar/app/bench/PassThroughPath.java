package org.policyradar.app.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.policyradar.clients.ClientSettings;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.streams.topology.StreamsSettings;

/**
 * The ceiling path: the items published with {@link NewsPublisher}, copied by an exactly-once
 * {@link PassThroughTopology} with the production Streams settings ({@link StreamsSettings}: processing guarantee,
 * commit interval, stream threads, producer batches) and serdes ({@link PipelineSerdes#fromRegistry}), and read back
 * from its output topic ({@code read_committed}). What the pipeline's Kafka round trip costs with a topology that
 * does nothing; it reads {@code news.items.v1}, so it runs on a stack the pipeline does not use.
 */
final class PassThroughPath implements AutoCloseable {

    /** Its own application id: no group, transactional id, state or internal topic shared with the pipeline. */
    static final String APPLICATION_ID = "policy-radar-bench-pass-through";
    private static final String PATH = "exactly-once pass-through";

    private final BenchPhases phases;
    private final CurrentPhase phase = new CurrentPhase();
    private final StreamsRunner runner;
    private final TopicWatcher watcher;
    private final NewsPublisher publisher;

    /** Creates the output topic and starts the application; returns once it is running. */
    PassThroughPath(Map<String, Object> config, Path stateDir, BenchPhases phases) throws InterruptedException {
        this.phases = phases;
        phases.createTopic(config, PassThroughTopology.OUTPUT_TOPIC);
        phases.say("%s: starting the Streams application (exactly-once)", PATH);
        Properties props = StreamsSettings.of(APPLICATION_ID, ClientSettings.bootstrapServers(config), stateDir,
                config);
        this.runner = StreamsRunner.start(PassThroughTopology.build(props, PipelineSerdes.fromRegistry(config)),
                props);
        TopicWatcher startedWatcher = null;
        try {
            BenchPhases.awaitRunning(runner);
            startedWatcher = new TopicWatcher(config, List.of(PassThroughTopology.OUTPUT_TOPIC),
                    (topic, key, nanos) -> phase.get().record(key, nanos));
            this.watcher = startedWatcher;
            this.publisher = new NewsPublisher(config, BenchPhases.newsItemSerde(config).serializer());
        } catch (InterruptedException | RuntimeException e) {
            if (startedWatcher != null) {
                startedWatcher.close();
            }
            runner.close();
            throw e;
        }
    }

    void warmUp(int count) throws InterruptedException {
        phases.warmUp(PATH, count, phase, watcher, runner, publisher::publish);
        BenchPhases.checkPublished(publisher);
    }

    Throughput timed() throws InterruptedException {
        Throughput throughput = phases.timed(PATH, phase, watcher, runner,
                count -> new Arrivals(BenchPhases.TIMED, count), publisher::publish);
        BenchPhases.checkPublished(publisher);
        return throughput;
    }

    @Override
    public void close() throws InterruptedException {
        BenchPhases.closePath(publisher, watcher, runner);
    }
}
