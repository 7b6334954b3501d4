package org.policyradar.registry.serde;

import org.apache.kafka.common.config.ConfigException;
import org.policyradar.registry.client.SchemaRegistryClientConfig;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Map;

/**
 * The serdes' configuration keys, named as in Confluent's serdes so that configurations carry over, and
 * their parsed values. Registry client keys (basic auth, TLS, retries) are in {@link SchemaRegistryClientConfig}.
 */
public final class AvroSerdeConfig {

    /** Comma-separated registry URLs; {@code mock://scope} for an in-process registry. Required. */
    public static final String SCHEMA_REGISTRY_URL_CONFIG = SchemaRegistryClientConfig.URL;
    /** Register the record's schema when serializing (default true); else look its id up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serialize with the subject's latest schema (default false); used when auto-registration is off. */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into the generated classes (default false: generic records). */
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    /** The subject name strategy for keys: a class name (Confluent's or this package's) or a short name. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** The subject name strategy for values. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** USER_INFO or URL. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    /** "user:password". */
    public static final String USER_INFO_CONFIG = SchemaRegistryClientConfig.USER_INFO;

    private static final String CONFLUENT_STRATEGY_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean specificAvroReader;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final SubjectNameStrategy valueSubjectNameStrategy;

    private AvroSerdeConfig(Map<String, ?> props) {
        this.autoRegisterSchemas = bool(props, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(props, USE_LATEST_VERSION, false);
        this.specificAvroReader = bool(props, SPECIFIC_AVRO_READER_CONFIG, false);
        this.keySubjectNameStrategy = strategy(props, KEY_SUBJECT_NAME_STRATEGY);
        this.valueSubjectNameStrategy = strategy(props, VALUE_SUBJECT_NAME_STRATEGY);
    }

    /** Reads the serde keys of a configuration; unknown keys are left alone. */
    public static AvroSerdeConfig parse(Map<String, ?> props) {
        return new AvroSerdeConfig(props);
    }

    /** The settings of an unconfigured serde. */
    public static AvroSerdeConfig defaults() {
        return new AvroSerdeConfig(Map.of());
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /** The strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    private static boolean bool(Map<String, ?> props, String key, boolean defaultValue) {
        Object value = props.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "must be true or false");
    }

    /** Resolves a strategy from an instance, a class, a fully qualified class name or a short name. */
    static SubjectNameStrategy strategy(Map<String, ?> props, String key) {
        Object value = props.get(key);
        if (value == null) {
            return new TopicNameStrategy();
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
        String shortName = name.startsWith(CONFLUENT_STRATEGY_PACKAGE)
                ? name.substring(CONFLUENT_STRATEGY_PACKAGE.length())
                : name.startsWith(TopicNameStrategy.class.getPackageName() + ".")
                ? name.substring(TopicNameStrategy.class.getPackageName().length() + 1)
                : name;
        switch (shortName) {
            case "TopicNameStrategy":
                return new TopicNameStrategy();
            case "RecordNameStrategy":
                return new RecordNameStrategy();
            case "TopicRecordNameStrategy":
                return new TopicRecordNameStrategy();
            default:
                return custom(key, name);
        }
    }

    private static SubjectNameStrategy custom(String key, String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader()
                    : AvroSerdeConfig.class.getClassLoader());
            if (SubjectNameStrategy.class.isAssignableFrom(type)) {
                return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
            }
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            // reported below with the accepted values
        }
        throw new ConfigException(key, className, "must be TopicNameStrategy, RecordNameStrategy or "
                + "TopicRecordNameStrategy (short, Confluent's or this package's class name), or a class implementing "
                + SubjectNameStrategy.class.getName());
    }
}
