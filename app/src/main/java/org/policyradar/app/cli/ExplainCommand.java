package org.policyradar.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.IngestSummary;
import org.policyradar.producer.NewsIngestor;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.ExplainFormatter;
import org.policyradar.streams.enrich.RuleSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code policy-radar explain}: shows what the rules find in a text — actor, level, jurisdiction, topic, stance,
 * instrument — with the phrases that decided each, for people who edit the rules. Needs no cluster.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show the enrichment of a text (or of every item of a file) with its evidence.")
public final class ExplainCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--text", paramLabel = "TEXT", description = "The text to explain.")
        String text;

        @Option(names = {"-i", "--input"}, paramLabel = "FILE",
                description = "A news file (plain text or JSON Lines; '-' reads stdin): every item is explained.")
        String input;
    }

    @picocli.CommandLine.Option(names = "--domains", split = ",", paramLabel = "DOMAIN",
            description = "The policy domains to run, comma-separated (IMMIGRATION, EDUCATION, ...); default all bundled packs.")
    java.util.List<String> domains;

    @Override
    public Integer call() throws Exception {
        RuleSet rules = RuleSet.loadDefault(domains);
        Enricher enricher = new Enricher(rules);
        PrintStream out = System.out;
        if (source.text != null) {
            out.println(explain(enricher, rules, null, source.text));
            return 0;
        }
        IngestSummary summary = new NewsIngestor(IngestOptions.defaults()).ingest(List.of(source.input), item -> {
            out.println("== " + item.getId());
            out.println(explain(enricher, rules, item.getHeadline(), item.getText()));
        });
        return summary.successful() ? 0 : 1;
    }

    private static String explain(Enricher enricher, RuleSet rules, String headline, String text) {
        List<PolicyPosition> positions = enricher.positionsOf(headline, text);
        return new ExplainFormatter().format(Enricher.analysedText(headline, text), positions, rules.version());
    }
}
