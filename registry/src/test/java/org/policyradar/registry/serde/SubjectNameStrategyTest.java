package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyradar.avro.NewsItem;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.aNewsItem;

/** The three subject name strategies, named the way Confluent's configurations name them. */
class SubjectNameStrategyTest {

    private static final String TOPIC = "news.items.v1";
    private static final Schema NEWS_ITEM = NewsItem.getClassSchema();

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    @Test
    void shouldNameSubjectsAsConfluentDoes() {
        assertThat(new TopicNameStrategy().subjectName(TOPIC, false, NEWS_ITEM)).isEqualTo("news.items.v1-value");
        assertThat(new TopicNameStrategy().subjectName(TOPIC, true, NEWS_ITEM)).isEqualTo("news.items.v1-key");
        assertThat(new RecordNameStrategy().subjectName(TOPIC, false, NEWS_ITEM))
                .isEqualTo("org.policyradar.avro.NewsItem");
        assertThat(new TopicRecordNameStrategy().subjectName(TOPIC, false, NEWS_ITEM))
                .isEqualTo("news.items.v1-org.policyradar.avro.NewsItem");
    }

    @ParameterizedTest
    @CsvSource({
            "io.confluent.kafka.serializers.subject.TopicNameStrategy, news.items.v1-value",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy, org.policyradar.avro.NewsItem",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, news.items.v1-org.policyradar.avro.NewsItem",
            "TopicNameStrategy, news.items.v1-value",
            "RecordNameStrategy, org.policyradar.avro.NewsItem",
            "TopicRecordNameStrategy, news.items.v1-org.policyradar.avro.NewsItem",
            "org.policyradar.registry.serde.RecordNameStrategy, org.policyradar.avro.NewsItem"
    })
    void shouldRegisterUnderTheSubjectOfTheConfiguredStrategy(String strategy, String subject) throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy), false);

        serializer.serialize(TOPIC, aNewsItem().build());

        assertThat(registry.client().getAllSubjects()).containsExactly(subject);
    }

    @Test
    void shouldUseTheKeyStrategyForKeys() throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy"), true);

        serializer.serialize(TOPIC, aNewsItem().build());

        assertThat(registry.client().getAllSubjects()).containsExactly("org.policyradar.avro.NewsItem");
    }

    @Test
    void shouldRefuseAnUnknownStrategy() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.NoSuchStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TopicNameStrategy");
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                String.class.getName())))
                .isInstanceOf(ConfigException.class);
    }
}
