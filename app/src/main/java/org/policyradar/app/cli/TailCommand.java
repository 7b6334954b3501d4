package org.policyradar.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.policyradar.app.tail.StartPosition;
import org.policyradar.app.tail.TailTopics;
import org.policyradar.app.tail.TopicTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code policy-radar tail}: prints the records of one of the project's topics, decoded through the Schema
 * Registry, as readable blocks or as JSON lines. A viewer: no consumer group, nothing committed.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the records of a topic, decoded: Avro values through the Schema Registry, dead-letter "
                + "values as text or base64 with their error headers, tombstones as such.",
                "Reads committed records only and joins no consumer group. Records go to stdout, logs to stderr."})
public final class TailCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TailCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "The topic to read: one of ${COMPLETION-CANDIDATES}.", completionCandidates = KnownTopics.class)
    String topic;

    @Option(names = "--from", paramLabel = "WHEN", defaultValue = "earliest",
            description = "Where to start: earliest, latest, an ISO-8601 instant (2025-03-01T12:00:00Z), a date "
                    + "(2025-03-01, midnight UTC) or a duration back from now (-30m, -2h, -7d). Partitions with no "
                    + "record after that time start at their end (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new records until Ctrl-C; without it the command stops at the end "
                    + "offsets it saw when it started.")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per record and line: topic, partition, offset, "
            + "timestamp, key, value (the record as JSON), headers.")
    boolean json;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0",
            description = "Stop after N records (default: no limit).")
    long max;

    /** The topics {@code --topic} accepts, for the help text. */
    static final class KnownTopics implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.asList(TailTopics.describeKnown().split(", ")).iterator();
        }
    }

    @Override
    public Integer call() {
        if (TailTopics.encodingOf(topic).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Unknown topic '" + topic + "': --topic must be one of "
                    + TailTopics.describeKnown());
        }
        if (max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must be 0 (no limit) or more, not " + max);
        }
        StartPosition start;
        try {
            start = StartPosition.parse(from, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--from: " + e.getMessage());
        }
        BooleanSupplier stop = follow ? ShutdownSignal.install()::received : () -> false;
        PrintStream out = System.out;
        try {
            new TopicTail(cluster.clientConfig()).run(new TopicTail.Request(topic, start, follow, json, max), out, stop);
            return 0;
        } catch (TopicTail.UnknownTopicException e) {
            // a usage error, but the usage text would not help: the name is right, the cluster lacks the topic
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        } catch (IllegalStateException e) {
            LOG.debug("tail failed", e);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
