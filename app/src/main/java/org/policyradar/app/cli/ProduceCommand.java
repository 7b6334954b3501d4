package org.policyradar.app.cli;

import java.util.concurrent.Callable;
import org.policyradar.app.pipeline.NewsIngestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code policy-radar produce}: publishes news files to news.items.v1 on a named cluster. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish news (files or stdin) to news.items.v1 as Avro NewsItem records.")
public final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IngestMixin ingest;

    @Override
    public Integer call() throws Exception {
        if (ingest.inputs().isEmpty()) {
            System.err.println("Nothing to publish: give at least one --input FILE (or '-' for stdin).");
            return 2;
        }
        NewsIngestion.Result result = NewsIngestion.publish(ingest.inputs(), ingest.options(), cluster.clientConfig());
        System.err.println("Done: " + result);
        return result.successful() ? 0 : 1;
    }
}
