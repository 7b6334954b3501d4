package org.policyradar.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.policyradar.app.pipeline.ConflictLines;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.evaluate.ConflictScoring;
import org.policyradar.streams.evaluate.CorpusItem;
import org.policyradar.streams.evaluate.CorpusReader;
import org.policyradar.streams.evaluate.Evaluation;
import org.policyradar.streams.evaluate.HoldoutSplit;
import org.policyradar.streams.evaluate.LabelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy-radar evaluate}: runs the rules over a labelled corpus and prints item-level side, topic and
 * place accuracy, per-side precision and recall, story-cluster pair precision, recall and F1, and every error
 * with its evidence. Needs no cluster. With {@code --conflicts} it scores a pipeline run's conflicts instead.
 * The label format and the split are in docs/quality.md.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure the rules against a labelled corpus (pairs, sides, topics, places) and list every error.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "The corpus: JSON Lines (id, headline, summary|text, source) or plain text, one item a line.")
    Path input;

    @Option(names = {"-l", "--labels"}, required = true, paramLabel = "FILE", description = "The labels (JSON).")
    Path labels;

    @Option(names = "--split", paramLabel = "PART", defaultValue = "ALL", converter = SplitConverter.class,
            description = "Which part the errors are listed for: tune, holdout or all (default all). "
                    + "The summary lines of all three parts are printed at the end.")
    HoldoutSplit split;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary lines.")
    boolean quiet;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN",
            description = "The policy domains to run, comma-separated (IMMIGRATION, EDUCATION, ...); default all bundled packs.")
    List<String> domains;

    @Option(names = "--conflicts", paramLabel = "FILE",
            description = "Score the conflicts a pipeline run printed (the output of run --json over the same "
                    + "corpus) instead of running the rules: story-cluster pair figures of each part, with the "
                    + "pipeline's own story grouping, periods and arrival order.")
    Path conflicts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabelFile labelFile;
        List<CorpusItem> corpus;
        try (InputStream in = Files.newInputStream(labels)) {
            labelFile = LabelFile.read(in);
            corpus = CorpusReader.read(Files.readString(input, StandardCharsets.UTF_8), labelFile.items());
        } catch (IOException | RuntimeException e) {
            err.println("evaluate: cannot read " + input + " with " + labels + ": " + e.getMessage());
            return 1;
        }
        if (corpus.isEmpty()) {
            err.println("evaluate: no item of " + input + " has a label in " + labels);
            return 1;
        }
        if (conflicts != null) {
            return scoreRun(corpus, labelFile, out, err);
        }
        RuleSet rules;
        try {
            rules = RuleSet.loadDefault(domains);
        } catch (RuntimeException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
        Evaluation evaluation = new Evaluation(rules);
        if (!quiet) {
            Evaluation.Result chosen = evaluation.run(corpus, labelFile, split);
            chosen.errors().forEach(out::println);
            out.println();
            out.println("rules " + rules.version() + ", " + chosen.figures().items() + " items ("
                    + split.name().toLowerCase(Locale.ROOT) + "): side precision "
                    + chosen.figures().sidePrecision() + ", recall " + chosen.figures().sideRecall());
        }
        for (HoldoutSplit part : HoldoutSplit.values()) {
            Evaluation.Result result = evaluation.run(corpus, labelFile, part);
            out.println(result.figures().summaryLine());
            // one line per domain when the labels cover several: each is scored on its own (docs/packs.md)
            if (result.perDomain().size() > 1) {
                result.perDomain().forEach(f -> out.println(f.summaryLine()));
            }
        }
        out.flush();
        return 0;
    }

    private int scoreRun(List<CorpusItem> corpus, LabelFile labelFile, PrintWriter out, PrintWriter err) {
        List<ConflictScoring.ScoredConflict> found;
        try {
            found = ConflictLines.read(conflicts, problem -> err.println("evaluate: " + problem));
        } catch (IOException e) {
            err.println("evaluate: cannot read " + conflicts + ": " + e.getMessage());
            return 1;
        }
        out.println(found.size() + " conflicts in " + conflicts);
        boolean namesACorpusItem = found.stream()
                .flatMap(c -> Stream.concat(c.pressingItems().stream(), c.resistingItems().stream()))
                .anyMatch(labelFile.items()::containsKey);
        if (!found.isEmpty() && !namesACorpusItem) {
            // run gives an item without an "id" field one made from its content, which no label names
            err.println("evaluate: no conflict of " + conflicts + " names a labelled item: run the pipeline over a "
                    + "JSON Lines corpus whose items carry the labels' ids");
        }
        for (HoldoutSplit part : HoldoutSplit.values()) {
            ConflictScoring.score(corpus, labelFile, part, found).forEach(f -> out.println(f.summaryLine()));
        }
        out.flush();
        return 0;
    }

    /** Accepts tune, holdout or all in any case. */
    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<HoldoutSplit> {
        @Override
        public HoldoutSplit convert(String value) {
            return HoldoutSplit.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
