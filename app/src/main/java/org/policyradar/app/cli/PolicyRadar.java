package org.policyradar.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code policy-radar} command line. Each piece of work is a subcommand; to add one, write a picocli
 * {@code @Command} class (with {@code mixinStandardHelpOptions = true}, and a
 * {@link org.policyradar.app.cli.ClusterOptions} mixin if it talks to a cluster) and list it in
 * {@code subcommands} below. Exit codes are picocli's: 0 on success, 2 for a usage error, 1 when a
 * command fails.
 */
@Command(name = "policy-radar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Policy news in, structured policy positions and conflict alerts out, on Kafka Streams.",
        subcommands = {
                StackCommand.class,
                RunCommand.class,
                ProduceCommand.class,
                StreamsCommand.class,
                ExplainCommand.class,
                EvaluateCommand.class,
                ReplayCommand.class,
                TailCommand.class,
                AlertsCommand.class,
                BenchCommand.class,
        })
public final class PolicyRadar {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log more (to stderr): DEBUG for Policy Radar, INFO for Kafka.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            Verbosity.enableVerboseLogging();
        }
    }

    /** A command line for {@code policy-radar}, ready to {@link CommandLine#execute(String...) execute}. */
    public static CommandLine commandLine() {
        return new CommandLine(new PolicyRadar());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
