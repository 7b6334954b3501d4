package org.policyradar.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.InputFormat;
import picocli.CommandLine.Option;

/** The options of commands that read news: inputs, format and strictness. */
public class IngestMixin {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", arity = "1..*",
            description = "News to publish: plain text (one item a line) or JSON Lines; '-' reads stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input format, one of ${COMPLETION-CANDIDATES}; default: from the file extension or the "
                    + "content.")
    InputFormat format;

    @Option(names = "--strict", description = "Fail (exit 1) when any input line is bad; by default bad lines are "
            + "reported and skipped.")
    boolean strict;

    /** The inputs as given; empty means the caller's default. */
    public List<String> inputs() {
        return inputs;
    }

    /** Reading options: bad lines and progress are reported on stderr. */
    public IngestOptions options() {
        IngestOptions.Builder builder = IngestOptions.builder().strict(strict);
        if (format != null) {
            builder.format(format);
        }
        return builder.build();
    }
}
