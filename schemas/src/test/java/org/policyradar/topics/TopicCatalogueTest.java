package org.policyradar.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.NewsItem;

class TopicCatalogueTest {

    /** Records which Avro serdes were asked for, and hands out a stand-in. */
    private static final class RecordingAvroSerdes implements AvroSerdes {
        final List<String> asked = new ArrayList<>();

        @Override
        public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
            asked.add(type.getSimpleName() + (isKey ? " key" : " value"));
            return Serdes.serdeFrom((topic, value) -> new byte[0], (topic, bytes) -> null);
        }
    }

    @Test
    void shouldListThePipelineTopicsInputFirstAndTheDeadLetterTopicLast() {
        assertThat(Topics.names()).containsExactly("news.items.v1", "news.enriched.v1", "policy.conflicts.v1",
                "policy.alerts.v1", "news.dlq.v1");
        assertThat(TopicCatalogue.all()).hasSize(6).last().isEqualTo(TopicCatalogue.ALERTS_DLQ);
        assertThat(TopicCatalogue.ALERTS_DLQ.name()).isEqualTo(Topics.ALERTS_DLQ);
    }

    @Test
    void shouldKeepNewsForeverCompactConflictsAndStampTimeBasedOutputsWithTheirWriteTime() {
        assertThat(TopicCatalogue.NEWS_ITEMS.configs()).containsOnly(entry("cleanup.policy", "delete"),
                entry("retention.ms", "-1"), entry("retention.bytes", "-1"));
        assertThat(TopicCatalogue.POLICY_CONFLICTS.configs()).containsOnly(entry("cleanup.policy", "compact"),
                entry("delete.retention.ms", "86400000"));
        for (Topic<?, ?> timeBased : List.of(TopicCatalogue.NEWS_ENRICHED, TopicCatalogue.POLICY_ALERTS,
                TopicCatalogue.NEWS_DLQ)) {
            assertThat(timeBased.configs()).containsOnly(entry("cleanup.policy", "delete"),
                    entry("retention.ms", "604800000"), entry("message.timestamp.type", "LogAppendTime"));
        }
        assertThat(TopicCatalogue.ALERTS_DLQ.configs()).containsOnly(entry("cleanup.policy", "delete"),
                entry("retention.ms", "604800000"));
    }

    @Test
    void shouldMakeTextKeysWithKafkasSerdeAndAvroValuesWithTheGivenFactory() {
        RecordingAvroSerdes avro = new RecordingAvroSerdes();

        TopicSerdes<String, NewsItem> news = TopicCatalogue.NEWS_ITEMS.serdes(avro);

        assertThat(news.name()).isEqualTo(Topics.NEWS_ITEMS);
        assertThat(news.key().serializer().serialize(news.name(), "item-1"))
                .isEqualTo("item-1".getBytes(StandardCharsets.UTF_8));
        assertThat(avro.asked).containsExactly("NewsItem value");
    }

    @Test
    void shouldPassTheDeadLetterBytesThroughUntouched() {
        RecordingAvroSerdes avro = new RecordingAvroSerdes();
        byte[] received = {0, 1, 2, (byte) 0xff};

        TopicSerdes<byte[], byte[]> dlq = TopicCatalogue.NEWS_DLQ.serdes(avro);

        assertThat(dlq.value().deserializer().deserialize(dlq.name(), received)).isEqualTo(received);
        assertThat(avro.asked).isEmpty();
    }

    @Test
    void shouldRenameATopicButKeepItsFormatsAndConfigs() {
        Topic<String, ConflictAlert> renamed = TopicCatalogue.ALERTS_DLQ.named("team.alerts.dlq");

        assertThat(renamed.name()).isEqualTo("team.alerts.dlq");
        assertThat(renamed.value()).isEqualTo(TopicCatalogue.ALERTS_DLQ.value());
        assertThat(renamed.configs()).isEqualTo(TopicCatalogue.ALERTS_DLQ.configs());
    }
}
