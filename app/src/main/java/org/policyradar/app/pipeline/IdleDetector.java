package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.policyradar.topics.Topics;

/**
 * Tells when the pipeline has caught up: the Streams application has committed every record of news.items.v1,
 * and no topic of the pipeline (outputs and internal repartition topics) has grown for a quiet period. Works on
 * any cluster, from the outside, with the Admin API only.
 */
public final class IdleDetector {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Admin admin;
    private final String applicationId;
    private final Duration quietPeriod;

    public IdleDetector(Admin admin, String applicationId, Duration quietPeriod) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.quietPeriod = quietPeriod;
    }

    /**
     * Blocks until the pipeline is idle or {@code timeout} passes.
     *
     * @return true when idle, false on time-out
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> last = Map.of();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, Long> ends = endOffsets(watchedTopics());
                if (!ends.equals(last)) {
                    last = ends;
                    stableSince = System.nanoTime();
                } else if (inputConsumed(ends) && System.nanoTime() - stableSince >= quietPeriod.toNanos()) {
                    return true;
                }
            } catch (ExecutionException transientFailure) {
                // a broker or group still starting up: try again on the next poll
                stableSince = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private List<String> watchedTopics() throws ExecutionException, InterruptedException {
        List<String> topics = new ArrayList<>(Topics.names());
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .sorted()
                .forEach(topics::add);
        return topics;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private boolean inputConsumed(Map<TopicPartition, Long> ends) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (!end.getKey().topic().equals(Topics.NEWS_ITEMS) || end.getValue() == 0) {
                continue;
            }
            OffsetAndMetadata offset = committed.get(end.getKey());
            if (offset == null || offset.offset() < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
