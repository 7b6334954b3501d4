package org.policyradar.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Schema Registry client over HTTP(S) that remembers what it learnt: the schema of an id forever (ids never
 * change meaning), and the id of a schema under a subject once registered or looked up. Configured with
 * Confluent's keys (see {@link SchemaRegistryClientConfig}): basic authentication
 * ({@code basic.auth.credentials.source=USER_INFO}, {@code basic.auth.user.info}), a trust store for https,
 * and retries with exponential backoff on connection failures and 5xx answers. Thread-safe.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RestTransport transport;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    /** A client of one registry, without authentication, with the default retries. */
    public CachedSchemaRegistryClient(String baseUrl) {
        this(List.of(baseUrl), Map.of());
    }

    /** A client of the comma-separated registry URLs, configured with Confluent's client keys. */
    public CachedSchemaRegistryClient(String baseUrls, Map<String, ?> config) {
        this(SchemaRegistryClientConfig.urls(Map.of(SchemaRegistryClientConfig.URL, baseUrls)), config);
    }

    /** A client of the registry URLs (tried in turn when one fails), configured with Confluent's client keys. */
    public CachedSchemaRegistryClient(List<String> baseUrls, Map<String, ?> config) {
        if (baseUrls.isEmpty()) {
            throw new ConfigException("At least one Schema Registry URL is required");
        }
        List<String> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String url : baseUrls) {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new ConfigException(SchemaRegistryClientConfig.URL, url, "must be an http or https URL");
            }
            if (uri.getRawUserInfo() != null) {
                urlUserInfo = uri.getUserInfo();
            }
            urls.add(uri.getScheme() + "://" + uri.getRawAuthority().substring(
                    uri.getRawUserInfo() == null ? 0 : uri.getRawUserInfo().length() + 1)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        }
        RetryPolicy retry = new RetryPolicy(
                (int) SchemaRegistryClientConfig.number(config, SchemaRegistryClientConfig.MAX_RETRIES,
                        SchemaRegistryClientConfig.DEFAULT_MAX_RETRIES),
                Duration.ofMillis(SchemaRegistryClientConfig.number(config, SchemaRegistryClientConfig.RETRIES_WAIT_MS,
                        SchemaRegistryClientConfig.DEFAULT_RETRIES_WAIT_MS)),
                Duration.ofMillis(SchemaRegistryClientConfig.number(config,
                        SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS,
                        SchemaRegistryClientConfig.DEFAULT_RETRIES_MAX_WAIT_MS)));
        this.transport = new RestTransport(urls, authorization(config, urlUserInfo), SslContexts.fromConfig(config),
                retry,
                Duration.ofMillis(SchemaRegistryClientConfig.number(config,
                        SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS, SchemaRegistryClientConfig.DEFAULT_TIMEOUT_MS)),
                Duration.ofMillis(SchemaRegistryClientConfig.number(config,
                        SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS, SchemaRegistryClientConfig.DEFAULT_TIMEOUT_MS)));
    }

    private static String authorization(Map<String, ?> config, String urlUserInfo) {
        String source = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
        String configured = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.USER_INFO);
        String userInfo;
        if (source == null || source.isBlank()) {
            userInfo = configured != null && !configured.isBlank() ? configured : urlUserInfo;
        } else {
            switch (source.trim().toUpperCase(Locale.ROOT)) {
                case "USER_INFO" -> {
                    if (configured == null || configured.isBlank()) {
                        throw new ConfigException(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                                + "=USER_INFO needs " + SchemaRegistryClientConfig.USER_INFO + " as 'user:password'");
                    }
                    userInfo = configured;
                }
                case "URL" -> userInfo = urlUserInfo;
                default -> throw new ConfigException(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, source,
                        "supported sources are USER_INFO and URL");
            }
        }
        if (userInfo == null || userInfo.isBlank()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) throws IOException, RestClientException {
        Integer known = idsOf(subject).get(schema);
        if (known != null) {
            return known;
        }
        JsonNode answer = transport.send("POST", "/subjects/" + RestTransport.segment(subject) + "/versions",
                schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) throws IOException, RestClientException {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        JsonNode answer = transport.send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer.path("schema").asText(null), "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public int getId(String subject, Schema schema) throws IOException, RestClientException {
        Integer known = idsOf(subject).get(schema);
        if (known != null) {
            return known;
        }
        JsonNode answer = transport.send("POST", "/subjects/" + RestTransport.segment(subject), schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) throws IOException, RestClientException {
        return metadata(transport.send("GET",
                "/subjects/" + RestTransport.segment(subject) + "/versions/latest", null));
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) throws IOException, RestClientException {
        return metadata(transport.send("GET",
                "/subjects/" + RestTransport.segment(subject) + "/versions/" + version, null));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) throws IOException, RestClientException {
        JsonNode answer = transport.send("POST",
                "/compatibility/subjects/" + RestTransport.segment(subject) + "/versions/latest", schemaBody(schema));
        return answer.path("is_compatible").asBoolean(false);
    }

    @Override
    public String getCompatibility(String subject) throws IOException, RestClientException {
        String path = subject == null ? "/config" : "/config/" + RestTransport.segment(subject) + "?defaultToGlobal=true";
        return transport.send("GET", path, null).path("compatibilityLevel").asText(null);
    }

    @Override
    public String updateCompatibility(String subject, String compatibility) throws IOException, RestClientException {
        String path = subject == null ? "/config" : "/config/" + RestTransport.segment(subject);
        ObjectNode body = JSON.objectNode().put("compatibility", compatibility);
        return transport.send("PUT", path, body).path("compatibility").asText(null);
    }

    @Override
    public Collection<String> getAllSubjects() throws IOException, RestClientException {
        List<String> subjects = new ArrayList<>();
        transport.send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    @Override
    public List<Integer> getAllVersions(String subject) throws IOException, RestClientException {
        List<Integer> versions = new ArrayList<>();
        transport.send("GET", "/subjects/" + RestTransport.segment(subject) + "/versions", null)
                .forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public List<Integer> deleteSubject(String subject) throws IOException, RestClientException {
        List<Integer> versions = new ArrayList<>();
        transport.send("DELETE", "/subjects/" + RestTransport.segment(subject), null)
                .forEach(v -> versions.add(v.asInt()));
        idsBySubject.remove(subject);
        return versions;
    }

    private SchemaMetadata metadata(JsonNode answer) throws IOException {
        int id = answer.path("id").asInt();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            schema = parse(answer.path("schema").asText(null), "schema id " + id);
            schemasById.putIfAbsent(id, schema);
        }
        return new SchemaMetadata(id, answer.path("version").asInt(), schema);
    }

    private Map<Schema, Integer> idsOf(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private void remember(String subject, Schema schema, int id) {
        idsOf(subject).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JSON.objectNode().put("schema", schema.toString());
    }

    private static Schema parse(String text, String what) throws IOException {
        if (text == null) {
            throw new IOException("The Schema Registry answered no schema for " + what);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new IOException("The Schema Registry answered an unparseable schema for " + what + ": "
                    + e.getMessage(), e);
        }
    }
}
