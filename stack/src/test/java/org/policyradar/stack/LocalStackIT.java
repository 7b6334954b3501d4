package org.policyradar.stack;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.topics.Topics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackIT {

    private static final String SCHEMA_REQUEST =
            "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"namespace\\\":\\\"org.policyradar.test\\\","
                    + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void shouldServeTopicsAndSchemasThatSurviveARestart() throws Exception {
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0)) {
            assertThat(stack.registryUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
            assertThat(topicNames(stack)).containsAll(Topics.names()).contains(LocalStack.SCHEMAS_TOPIC);

            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects/probe-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(SCHEMA_REQUEST))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            assertThat(registered.body()).contains("\"id\"");
        }

        try (LocalStack restarted = LocalStack.start(dataDir, 0, 0)) {
            HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(URI.create(restarted.registryUrl() + "/subjects")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).contains("\"probe-value\"");
            assertThat(topicNames(restarted)).containsAll(Topics.names());
        }
    }

    private static java.util.Set<String> topicNames(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            return admin.listTopics().names().get();
        }
    }
}
