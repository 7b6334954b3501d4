package org.policyradar.app.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.PolicyRadarTopology;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.streams.topology.StreamsSettings;

/** Starts the Streams half of the pipeline: shared by {@code streams}, {@code run} and {@code replay}. */
public final class StreamsPipeline {

    private StreamsPipeline() {
    }

    /**
     * @param clientConfig  Kafka client and serde settings (bootstrap.servers, schema.registry.url, pass-through)
     * @param applicationId the Streams application id
     * @param stateDir      where local state lives
     * @param settings      the event-time windows
     * @param rules         the enrichment and conflict rules
     */
    public static StreamsRunner start(Map<String, Object> clientConfig, String applicationId, Path stateDir,
                                      DetectionSettings settings, RuleSet rules) {
        Properties props = StreamsSettings.of(applicationId, stateDir, clientConfig);
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(clientConfig);
        return StreamsRunner.start(PolicyRadarTopology.build(props, rules, serdes, settings), props);
    }
}
