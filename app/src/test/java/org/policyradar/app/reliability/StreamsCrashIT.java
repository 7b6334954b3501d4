package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once through a crash: the Streams application runs in a child JVM that is killed with SIGKILL in the
 * middle of processing, with input not yet processed and a transaction possibly open; a new instance with the
 * same application id and state directory takes over. A downstream consumer (read_committed) then sees exactly
 * what a run without a crash produces: every conflict with the same final value, no state written twice, one
 * NEW_CONFLICT alert per conflict, every item enriched once.
 */
class StreamsCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsCrashIT.class);
    private static final String APPLICATION_ID = "crash-it";
    /** How often to look for the moment to kill: transactions last about a commit interval (100 ms). */
    private static final Duration STRIKE_POLL = Duration.ofMillis(20);
    /**
     * The child runs with the production settings: the restarted instance must take the killed one's place by
     * itself (static membership, transactional state stores), not thanks to a session shortened for the test.
     */
    private static final Map<String, String> CHILD_SETTINGS = Map.of();
    /**
     * The most the restarted instance may take, from the start of its JVM until the outputs have settled (the
     * rest of the corpus processed and nothing in flight). Without static membership the wait for the killed
     * instance's session alone is {@code session.timeout.ms} (30 s), and a full restore of the stores came on
     * top; with it the restart took 10 to 13 s on two busy cores. A bound on recovery, not a benchmark.
     */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
    }

    @Test
    void shouldProduceExactlyTheConflictsAndAlertsOfACleanRunAfterAKillDashNineMidProcessing() throws Exception {
        ReferenceRun.Reference reference = ReferenceRun.evalCorpus();
        Path stateDir = dir.resolve("state");

        boolean secondHalfPublished = false;
        try (StreamsChildProcess first = StreamsChildProcess.start(config, APPLICATION_ID, stateDir, CHILD_SETTINGS,
                dir.resolve("child-1.log"));
             Admin admin = Admin.create(config)) {
            ReliabilityCorpus.publish(config, ReliabilityCorpus.firstHalf());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            // the moment to strike: some conflicts committed, and a transaction open with output in it
            while (!(committedEnd(admin, Topics.POLICY_CONFLICTS) > 0 && !openTransactions(admin).isEmpty())) {
                assertThat(first.isAlive()).as(first::diagnosis).isTrue();
                assertThat(System.nanoTime()).as("caught the application in the middle of a transaction")
                        .isLessThan(deadline);
                if (!secondHalfPublished && unprocessedInput(admin) == 0 && openTransactions(admin).isEmpty()
                        && committedEnd(admin, Topics.POLICY_CONFLICTS) > 0) {
                    // the first half went through between two looks: give it more work
                    ReliabilityCorpus.publish(config, ReliabilityCorpus.secondHalf());
                    secondHalfPublished = true;
                }
                Thread.sleep(STRIKE_POLL.toMillis());
            }
            List<String> open = openTransactions(admin);
            first.kill();
            LOG.info("Killed the Streams JVM with a transaction open on {}; afterwards {} input records were not "
                    + "committed as processed and {} output records were left in the open transaction", open,
                    unprocessedInput(admin), uncommittedOutput(admin));
        }
        if (!secondHalfPublished) {
            ReliabilityCorpus.publish(config, ReliabilityCorpus.secondHalf());
        }

        long restartedAt = System.nanoTime();
        try (StreamsChildProcess second = StreamsChildProcess.start(config, APPLICATION_ID, stateDir, CHILD_SETTINGS,
                dir.resolve("child-2.log"))) {
            PipelineWaits.awaitIdle(config, APPLICATION_ID, second::isAlive, second::diagnosis);
            Duration recovery = Duration.ofNanos(System.nanoTime() - restartedAt);
            LOG.info("The restarted instance settled the outputs {} ms after its JVM started",
                    recovery.toMillis());

            ExactlyOnceVerifier.Report report = new ExactlyOnceVerifier(config).verify(reference.expected());
            LOG.info("After the crash and restart: {}", report);
            assertThat(report.problems()).as("%s%n%s", report, second.diagnosis()).isEmpty();
            assertThat(second.isAlive()).as(second::diagnosis).isTrue();
            assertThat(recovery).as("time from the restart to settled outputs%n%s", second.diagnosis())
                    .isLessThan(RECOVERY_BOUND);
        }
    }

    /** Input records (news.items.v1 and the repartition topics) past the group's committed offsets. */
    private static long unprocessedInput(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
        List<String> inputs = admin.listTopics().names().get().stream()
                .filter(name -> name.equals(Topics.NEWS_ITEMS)
                        || name.startsWith(APPLICATION_ID + "-") && name.endsWith("-repartition"))
                .toList();
        Map<TopicPartition, Long> ends = endOffsets(admin, inputs, IsolationLevel.READ_COMMITTED);
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            // a transaction marker after the last record counts as one; it is not work left
            return Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()) - (end.getKey().topic()
                    .equals(Topics.NEWS_ITEMS) ? 0 : 1));
        }).sum();
    }

    /** Records on the topics the application writes that read_uncommitted sees and read_committed not yet. */
    private static long uncommittedOutput(Admin admin) throws ExecutionException, InterruptedException {
        List<String> written = writtenTopics(admin);
        Map<TopicPartition, Long> all = endOffsets(admin, written, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> committed = endOffsets(admin, written, IsolationLevel.READ_COMMITTED);
        return all.entrySet().stream().mapToLong(e -> e.getValue() - committed.get(e.getKey())).sum();
    }

    /** The partitions the application writes that hold records of a transaction not yet committed. */
    private static List<String> openTransactions(Admin admin) throws ExecutionException, InterruptedException {
        List<String> written = writtenTopics(admin);
        Map<TopicPartition, Long> all = endOffsets(admin, written, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> committed = endOffsets(admin, written, IsolationLevel.READ_COMMITTED);
        return all.keySet().stream().filter(p -> !all.get(p).equals(committed.get(p))).map(TopicPartition::toString)
                .sorted().toList();
    }

    private static long committedEnd(Admin admin, String topic) throws ExecutionException, InterruptedException {
        return endOffsets(admin, List.of(topic), IsolationLevel.READ_COMMITTED).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    private static List<String> writtenTopics(Admin admin) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(APPLICATION_ID + "-") || List.of(Topics.NEWS_ENRICHED,
                        Topics.POLICY_CONFLICTS, Topics.POLICY_ALERTS, Topics.NEWS_DLQ).contains(name))
                .sorted().toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
