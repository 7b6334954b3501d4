package org.policyradar.app.bench;

import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.topics.Topics;

/**
 * The least a Kafka Streams application can do with the news: read {@link Topics#NEWS_ITEMS}, deserialize each
 * {@code NewsItem} and serialize it again, unchanged, to {@link #OUTPUT_TOPIC}. Run with the production settings,
 * it is the ceiling any topology reaches on the same stack: no store, no changelog, no repartition, one output
 * record per item.
 */
final class PassThroughTopology {

    /** Where the items are copied to; a scratch topic of the bench. */
    static final String OUTPUT_TOPIC = "policy-radar-bench-pass-through";
    static final String SOURCE = "bench-pass-through-source";
    static final String SINK = "bench-pass-through-sink";

    private PassThroughTopology() {
    }

    /**
     * @param streamsProps the application's Streams settings
     * @param serdes       the production serdes; the news item serde is used both ways
     */
    static Topology build(Properties streamsProps, PipelineSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
        builder.stream(Topics.NEWS_ITEMS, Consumed.with(serdes.key(), serdes.newsItem()).withName(SOURCE))
                .to(OUTPUT_TOPIC, Produced.with(serdes.key(), serdes.newsItem()).withName(SINK));
        return builder.build();
    }
}
