package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BackgroundConsumerTest {

    private static final TopicPartition PARTITION = new TopicPartition("policy.conflicts.v1", 0);

    @Test
    void shouldHandEveryPolledRecordToTheLoopAndCloseTheConsumerOnClose() throws InterruptedException {
        MockConsumer<String, String> consumer = assignedConsumer();
        consumer.addRecord(record(0, "c-1"));
        consumer.addRecord(record(1, "c-2"));
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch bothSeen = new CountDownLatch(2);

        BackgroundConsumer<String, String> background = BackgroundConsumer.start("test-consumer", consumer,
                (polled, running) -> {
                    while (running.getAsBoolean()) {
                        for (ConsumerRecord<String, String> record : polled.poll(Duration.ofMillis(20))) {
                            seen.add(record.value());
                            bothSeen.countDown();
                        }
                    }
                });
        assertThat(bothSeen.await(10, TimeUnit.SECONDS)).isTrue();
        background.close();

        assertThat(seen).containsExactly("c-1", "c-2");
        assertThat(background.isAlive()).isFalse();
        assertThat(background.failure()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldWakeALoopThatNeverLooksAtTheRunningFlag() {
        MockConsumer<String, String> consumer = assignedConsumer();

        BackgroundConsumer<String, String> background = BackgroundConsumer.start("test-consumer", consumer,
                (polled, running) -> {
                    while (true) {
                        polled.poll(Duration.ofMillis(20));
                    }
                });
        background.close();

        assertThat(background.isAlive()).isFalse();
        assertThat(background.failure()).as("a wake-up on close is no failure").isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldKeepWhatStoppedTheLoopAndStillCloseTheConsumer() {
        MockConsumer<String, String> consumer = assignedConsumer();
        consumer.setPollException(new KafkaException("the broker went away"));

        BackgroundConsumer<String, String> background = BackgroundConsumer.start("test-consumer", consumer,
                (polled, running) -> {
                    while (running.getAsBoolean()) {
                        polled.poll(Duration.ofMillis(20));
                    }
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> !background.isAlive());

        assertThat(background.failure()).get()
                .extracting(Throwable::getMessage).isEqualTo("the broker went away");
        assertThat(consumer.closed()).isTrue();
        background.close();
    }

    private static MockConsumer<String, String> assignedConsumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        return consumer;
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, value, value);
    }
}
