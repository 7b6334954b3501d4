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
    private final StreamsPathClients clients;

    /** Creates the output topic and starts the application; returns once it is running. */
    PassThroughPath(Map<String, Object> config, Path stateDir, BenchPhases phases) throws InterruptedException {
        this.phases = phases;
        phases.createTopic(config, PassThroughTopology.OUTPUT_TOPIC);
        phases.say("%s: starting the Streams application (exactly-once)", PATH);
        Properties props = StreamsSettings.of(APPLICATION_ID, ClientSettings.bootstrapServers(config), stateDir,
                config);
        StreamsRunner runner = StreamsRunner.start(
                PassThroughTopology.build(props, PipelineSerdes.fromRegistry(config)), props);
        this.clients = StreamsPathClients.open(config, runner, List.of(PassThroughTopology.OUTPUT_TOPIC),
                (topic, key, nanos) -> phase.get().record(key, nanos));
    }

    void warmUp(int count) throws InterruptedException {
        warmUp(count, 0);
    }

    /** Round {@code round} of the warm-up (see {@link BenchPhases#warmUp}). */
    void warmUp(int count, int round) throws InterruptedException {
        phases.warmUp(PATH, count, round, phase, clients.watcher(), clients.runner(),
                clients.publisher()::publish);
        clients.checkPublished();
    }

    Throughput timed() throws InterruptedException {
        Throughput throughput = phases.timed(PATH, phase, clients.watcher(), clients.runner(),
                count -> new Arrivals(BenchPhases.TIMED, count), clients.publisher()::publish);
        clients.checkPublished();
        return throughput;
    }

    @Override
    public void close() throws InterruptedException {
        clients.close();
    }
}
