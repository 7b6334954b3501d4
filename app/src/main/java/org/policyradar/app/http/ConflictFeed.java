package org.policyradar.app.http;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.policyradar.app.pipeline.BackgroundConsumer;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed behind {@code GET /api/stream}: follows policy.alerts.v1 (committed records only, every
 * partition, no consumer group, from the end as it was when the feed started) and sends each new conflict to every
 * connected server-sent-events client as an event {@code conflict} whose data is {@link ConflictFormat#json}.
 * Every instance follows every partition, so a client sees all conflicts whichever instance it is connected to.
 */
final class ConflictFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictFeed.class);
    /** A comment this often keeps idle connections open through proxies and finds clients that left. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final BackgroundConsumer<String, ConflictAlert> polling;

    ConflictFeed(Map<String, Object> clientConfig) {
        Map<String, Object> config = ClientSettings.groupFreeConsumer(clientConfig);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "policy-radar-http-feed");
        // a viewer must not create the topic it follows (with the broker's defaults) on a cluster that lacks it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        TopicSerdes<String, ConflictAlert> alerts =
                TopicCatalogue.POLICY_ALERTS.serdes(RegistryAvroSerdes.of(clientConfig));
        KafkaConsumer<String, ConflictAlert> consumer =
                new KafkaConsumer<>(config, alerts.key().deserializer(), alerts.value().deserializer());
        this.polling = BackgroundConsumer.start("http-conflict-feed", consumer, this::run);
    }

    /**
     * Registers a client that has just connected, unless {@code maxClients} are connected already; a registered
     * client receives every conflict found from now on.
     *
     * @return false when the feed is full and the client was not registered
     */
    synchronized boolean tryAdd(SseClient client, int maxClients) {
        clients.removeIf(SseClient::terminated);
        if (clients.size() >= maxClients) {
            return false;
        }
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        return true;
    }

    /** Clients connected now; one that went away counts until a write (at the latest the heartbeat) notices. */
    int clientCount() {
        clients.removeIf(SseClient::terminated);
        return clients.size();
    }

    private void run(Consumer<String, ConflictAlert> consumer, BooleanSupplier running)
            throws InterruptedException {
        assignAtEnd(consumer, running);
        long lastHeartbeat = System.nanoTime();
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, ConflictAlert> record : consumer.poll(POLL)) {
                ConflictAlert alert = record.value();
                if (alert != null && alert.getKind() == AlertKind.NEW_CONFLICT) {
                    broadcast("conflict", ConflictFormat.json(alert), alert.getConflictId());
                }
            }
            if (System.nanoTime() - lastHeartbeat >= HEARTBEAT.toNanos()) {
                heartbeat();
                lastHeartbeat = System.nanoTime();
            }
        }
    }

    /** Waits for the alerts topic (a new cluster may not have it yet) and starts at its current end. */
    private static void assignAtEnd(Consumer<String, ConflictAlert> consumer, BooleanSupplier running)
            throws InterruptedException {
        List<TopicPartition> partitions = List.of();
        while (running.getAsBoolean() && partitions.isEmpty()) {
            partitions = consumer.partitionsFor(TopicCatalogue.POLICY_ALERTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                Thread.sleep(Duration.ofSeconds(1).toMillis());
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now, so that everything after this point reaches the clients
        partitions.forEach(consumer::position);
    }

    private void broadcast(String event, String data, String id) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                client.sendEvent(event, data, id);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a live client that cannot be written to: {}", e.toString());
                clients.remove(client);
            }
        }
    }

    private void heartbeat() {
        for (SseClient client : clients) {
            try {
                client.sendComment("heartbeat");
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        polling.close();
        clients.forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
        });
        clients.clear();
    }
}
