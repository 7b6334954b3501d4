package org.policyradar.streams.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one rule file, from the classpath or a directory, into its {@link RuleFiles} shape. Unknown properties
 * are errors (a misspelt key must not be ignored); every failure is a {@link RuleSetException} naming the file
 * and, for a malformed one, the line, column and property.
 */
final class RuleFileReader {

    private static final String CLASSPATH_DIR = "rules/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RuleFileReader() {
    }

    static <T> T resource(String file, Class<T> type) {
        try (InputStream in = RuleFileReader.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + file)) {
            if (in == null) {
                throw new RuleSetException("rules file " + file + " is missing from the classpath (" + CLASSPATH_DIR
                        + file + ")");
            }
            return MAPPER.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new RuleSetException("rules file " + file + " is malformed: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new RuleSetException("rules file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static <T> T file(Path path, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readAllBytes(path), type);
        } catch (NoSuchFileException e) {
            throw new RuleSetException("rules file " + path.getFileName() + " is missing: " + path, e);
        } catch (JsonProcessingException e) {
            throw new RuleSetException("rules file " + path.getFileName() + " is malformed: " + e.getOriginalMessage()
                    + location(e) + " (" + path + ")", e);
        } catch (IOException e) {
            throw new RuleSetException("rules file " + path.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where += " (" + mapping.getPathReference().replace("org.policyradar.streams.enrich.RuleFiles$", "") + ")";
        }
        return where;
    }
}
