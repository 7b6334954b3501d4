package org.policyradar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.server.KafkaSchemaStore;
import org.policyradar.registry.server.RegistryException;
import org.policyradar.registry.server.RegistryLimits;
import org.policyradar.registry.server.SchemaRegistryServer;
import org.policyradar.stack.EmbeddedKafkaBroker;
import org.policyradar.stack.LocalStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry backed by {@link KafkaSchemaStore} against a real (embedded, KRaft) broker: what it was told
 * must survive a restart of both the registry and the broker on the same data directory, read back from the
 * {@code _schemas} topic. It lives here, where the registry, the embedded stack and the test kit's
 * {@link RegistryHttp} meet: the registry's module cannot start a broker, the stack's cannot use the test kit.
 */
class KafkaSchemaStoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS_TOPIC = "_schemas";

    private static final String NEWS = "news.items.v1-value";
    private static final String CONFLICTS = "policy.conflicts.v1-value";
    private static final String PROBE = "probe-value";
    private static final String AUDIT = "audit-value";
    private static final String RETIRED = "retired-value";
    private static final String SCRATCH = "scratch-value";

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryIdVersionSettingAndDeletionAcrossARestartOfBrokerAndRegistry() throws Exception {
        Map<String, JsonNode> before;
        int newsId;
        int retiredId;
        try (RegistryOnKafka first = RegistryOnKafka.start(dataDir)) {
            RegistryHttp rest = new RegistryHttp(first.url());
            newsId = rest.register(NEWS, NewsItem.getClassSchema());
            int conflictsId = rest.register(CONFLICTS, PolicyConflict.getClassSchema());
            int probeV1 = rest.register(PROBE, probe(false));
            int probeV2 = rest.register(PROBE, probe(true));
            rest.register(AUDIT, audit(false));
            rest.register(AUDIT, audit(true));
            retiredId = rest.register(RETIRED, retired());
            rest.register(SCRATCH, scratch());
            assertThat(List.of(newsId, conflictsId, probeV1, probeV2)).doesNotHaveDuplicates();

            assertThat(rest.put("/config/" + PROBE, JSON.createObjectNode().put("compatibility", "FULL")).ok()
                    .path("compatibility").asText()).isEqualTo("FULL");
            assertThat(rest.delete("/subjects/" + AUDIT + "/versions/1").ok().asInt()).isEqualTo(1);
            assertThat(rest.delete("/subjects/" + RETIRED).ok()).containsExactly(NODES.numberNode(1));
            assertThat(rest.delete("/subjects/" + SCRATCH).ok()).containsExactly(NODES.numberNode(1));
            assertThat(rest.delete("/subjects/" + SCRATCH + "?permanent=true").ok()).containsExactly(NODES.numberNode(1));

            before = everything(rest);
            assertThat(before).containsKeys(NEWS + "/1", CONFLICTS + "/1", PROBE + "/1", PROBE + "/2",
                    AUDIT + "/1", AUDIT + "/2", RETIRED + "/1");
        }

        try (RegistryOnKafka restarted = RegistryOnKafka.start(dataDir)) {
            RegistryHttp rest = new RegistryHttp(restarted.url());

            assertThat(everything(rest))
                    .as("every version of every subject, soft-deleted ones included, with its id and schema")
                    .isEqualTo(before);
            assertThat(texts(rest.get("/subjects").ok())).containsExactly(AUDIT, NEWS, CONFLICTS, PROBE);
            assertThat(texts(rest.get("/subjects?deleted=true").ok()))
                    .containsExactly(AUDIT, NEWS, CONFLICTS, PROBE, RETIRED);

            RegistryHttp.Answer retiredVersions = rest.get("/subjects/" + RETIRED + "/versions");
            assertThat(retiredVersions.status()).isEqualTo(404);
            assertThat(retiredVersions.errorCode()).isEqualTo(40401);
            assertThat(rest.get("/subjects/" + RETIRED + "/versions?deleted=true").ok())
                    .containsExactly(NODES.numberNode(1));
            assertThat(rest.get("/schemas/ids/" + retiredId).ok().path("schema").asText())
                    .as("a soft-deleted schema is still readable by id")
                    .isEqualTo(retired().toString());
            assertThat(rest.get("/subjects/" + AUDIT + "/versions").ok()).containsExactly(NODES.numberNode(2));
            assertThat(rest.get("/subjects/" + AUDIT + "/versions?deleted=true").ok())
                    .containsExactly(NODES.numberNode(1), NODES.numberNode(2));
            assertThat(rest.get("/subjects/" + SCRATCH + "/versions?deleted=true").errorCode())
                    .as("a permanently deleted subject stays deleted")
                    .isEqualTo(40401);
            assertThat(rest.get("/config/" + PROBE).ok().path("compatibilityLevel").asText()).isEqualTo("FULL");

            assertThat(rest.register("news.items.replay-value", NewsItem.getClassSchema()))
                    .as("the same schema under a second subject keeps its id")
                    .isEqualTo(newsId);
            assertThat(rest.get("/subjects/news.items.replay-value/versions/1").ok().path("version").asInt())
                    .isEqualTo(1);
            int highestBefore = before.values().stream().mapToInt(v -> v.path("id").asInt()).max().orElseThrow();
            assertThat(rest.register("fresh-value", fresh()))
                    .as("a new schema gets an id no earlier schema had")
                    .isGreaterThan(highestBefore);
            RegistryHttp.Answer incompatible = rest.post("/subjects/" + PROBE + "/versions",
                    JSON.createObjectNode().put("schema", probeWithoutDefault().toString()));
            assertThat(incompatible.status())
                    .as("the FULL level set before the restart still guards the subject")
                    .isEqualTo(409);
        }
    }

    @Test
    void shouldAnswerNoSubjectsOnAFreshLocalStackAndKeepRegisteredOnesAfterItsRestart() {
        int id;
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0)) {
            RegistryHttp rest = new RegistryHttp(stack.registryUrl());
            RegistryHttp.Answer subjects = rest.get("/subjects");
            assertThat(subjects.status()).isEqualTo(200);
            assertThat(subjects.body().isArray()).as("GET /subjects answers a JSON array: %s", subjects.body()).isTrue();
            assertThat(subjects.body()).isEmpty();

            id = rest.register(NEWS, NewsItem.getClassSchema());
        }
        try (LocalStack restarted = LocalStack.start(dataDir, 0, 0)) {
            RegistryHttp rest = new RegistryHttp(restarted.registryUrl());
            JsonNode latest = rest.get("/subjects/" + NEWS + "/versions/latest").ok();
            assertThat(latest.path("id").asInt()).isEqualTo(id);
            assertThat(latest.path("version").asInt()).isEqualTo(1);
            assertThat(new Schema.Parser().parse(latest.path("schema").asText())).isEqualTo(NewsItem.getClassSchema());
        }
    }

    @Test
    void shouldStoreTheLargestSchemaTheRegistryAcceptsAndRefuseALargerOneWith422() {
        int limit = RegistryLimits.DEFAULTS.maxSchemaBytes();
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0)) {
            RegistryHttp rest = new RegistryHttp(stack.registryUrl());
            // a doc of quotes: each is escaped once in the schema's text and again in its _schemas record, the
            // worst case for the record's size
            String empty = quotesSchema(0);
            String largest = quotesSchema((limit - empty.length()) / 2);
            assertThat(largest.length()).isBetween(limit - 1, limit);
            String twoMegabytes = quotesSchema(1_000_000);

            JsonNode stored = rest.post("/subjects/" + PROBE + "/versions",
                    JSON.createObjectNode().put("schema", largest)).ok();
            RegistryHttp.Answer tooLarge = rest.post("/subjects/" + AUDIT + "/versions",
                    JSON.createObjectNode().put("schema", twoMegabytes));

            assertThat(new Schema.Parser().parse(rest.get("/schemas/ids/" + stored.path("id").asInt()).ok()
                    .path("schema").asText())).isEqualTo(new Schema.Parser().parse(largest));
            assertThat(tooLarge.status()).as("refused as the client's fault, not retried as a 5xx").isEqualTo(422);
            assertThat(tooLarge.errorCode()).isEqualTo(RegistryException.SCHEMA_TOO_LARGE);
            assertThat(tooLarge.body().path("message").asText()).startsWith("Schema too large: ");
            assertThat(texts(rest.get("/subjects").ok())).containsExactly(PROBE);
        }
    }

    /** A record schema without fields whose doc is {@code quotes} double quotes. */
    private static String quotesSchema(int quotes) {
        return "{\"type\":\"record\",\"name\":\"Quotes\",\"namespace\":\"org.policyradar.test\",\"doc\":\""
                + "\\\"".repeat(quotes) + "\",\"fields\":[]}";
    }

    /** Every version of every subject (soft-deleted ones too), keyed "subject/version", as the registry answers it. */
    private static Map<String, JsonNode> everything(RegistryHttp rest) {
        Map<String, JsonNode> versions = new TreeMap<>();
        for (String subject : texts(rest.get("/subjects?deleted=true").ok())) {
            String path = "/subjects/" + RegistryHttp.encode(subject) + "/versions";
            for (JsonNode version : rest.get(path + "?deleted=true").ok()) {
                versions.put(subject + "/" + version.asInt(), rest.get(path + "/" + version.asInt() + "?deleted=true").ok());
            }
        }
        return versions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Schema probe(boolean withNote) {
        var fields = SchemaBuilder.record("Probe").namespace("org.policyradar.test").fields().requiredString("id");
        return withNote ? fields.name("note").type().stringType().stringDefault("").endRecord() : fields.endRecord();
    }

    /** A Probe with a new field that has no default: neither old nor new readers can cope, so FULL refuses it. */
    private static Schema probeWithoutDefault() {
        return SchemaBuilder.record("Probe").namespace("org.policyradar.test").fields()
                .requiredString("id").optionalString("note").requiredInt("rank").endRecord();
    }

    private static Schema audit(boolean withActor) {
        var fields = SchemaBuilder.record("Audit").namespace("org.policyradar.test").fields().requiredLong("at");
        return withActor ? fields.optionalString("actor").endRecord() : fields.endRecord();
    }

    private static Schema retired() {
        return SchemaBuilder.record("Retired").namespace("org.policyradar.test").fields().requiredString("name").endRecord();
    }

    private static Schema scratch() {
        return SchemaBuilder.record("Scratch").namespace("org.policyradar.test").fields().requiredInt("n").endRecord();
    }

    private static Schema fresh() {
        return SchemaBuilder.record("Fresh").namespace("org.policyradar.test").fields().requiredDouble("x").endRecord();
    }

    /** A broker, the schema store on its {@code _schemas} topic and a registry over the store; closed in reverse. */
    private static final class RegistryOnKafka implements AutoCloseable {

        private final EmbeddedKafkaBroker broker;
        private final KafkaSchemaStore store;
        private final SchemaRegistryServer server;

        private RegistryOnKafka(EmbeddedKafkaBroker broker, KafkaSchemaStore store, SchemaRegistryServer server) {
            this.broker = broker;
            this.store = store;
            this.server = server;
        }

        static RegistryOnKafka start(Path dataDir) throws IOException {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
            KafkaSchemaStore store = null;
            try {
                store = KafkaSchemaStore.open(Map.of("bootstrap.servers", broker.bootstrapServers()), SCHEMAS_TOPIC);
                return new RegistryOnKafka(broker, store, SchemaRegistryServer.start("127.0.0.1", 0, store));
            } catch (IOException | RuntimeException e) {
                if (store != null) {
                    store.close();
                }
                broker.close();
                throw e;
            }
        }

        String url() {
            return server.url();
        }

        @Override
        public void close() {
            try {
                server.close();
                store.close();
            } finally {
                broker.close();
            }
        }
    }
}
