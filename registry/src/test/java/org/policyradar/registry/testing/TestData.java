package org.policyradar.registry.testing;

import org.apache.avro.Schema;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builders of test records with fixed times, and small schemas for compatibility tests. The registry's own: its
 * tests cannot use the testkit module's {@code NewsItems}, since the testkit depends on the registry.
 */
public final class TestData {

    public static final Instant PUBLISHED = Instant.parse("2025-01-27T14:30:00Z");
    public static final Instant INGESTED = Instant.parse("2025-01-27T14:31:05Z");

    private TestData() {
    }

    public static NewsItem.Builder aNewsItem() {
        return NewsItem.newBuilder()
                .setId("item-0001")
                .setSource("test-wire")
                .setUrl("https://news.example/doj-memo")
                .setHeadline("Justice Department memo targets local officials")
                .setText("A Justice Department memo directs prosecutors to investigate local officials who obstruct"
                        + " federal immigration enforcement.")
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setEventTimeSource(EventTimeSource.PUBLISHED)
                .setIngestedAt(INGESTED)
                .setAttributes(Map.of("section", "politics"));
    }

    public static PolicyPosition.Builder aPolicyPosition() {
        return PolicyPosition.newBuilder()
                .setActorId("NYPD")
                .setActorName("New York City Police Department")
                .setLevel(GovernmentLevel.LOCAL)
                .setBranch(GovernmentBranch.EXECUTIVE)
                .setJurisdiction(Jurisdiction.newBuilder()
                        .setCode("US-NY-NYC")
                        .setKind(JurisdictionKind.CITY)
                        .setName("New York City")
                        .setState("NY")
                        .build())
                .setTopic(PolicyTopic.COOPERATION)
                .setStance(Stance.RESIST)
                .setInstrument(Instrument.MEMO)
                .setConfidence(0.82)
                .setEvidence(List.of(Evidence.newBuilder()
                        .setField(EvidenceField.STANCE)
                        .setPhrase("not to assist federal immigration enforcement")
                        .setStart(31)
                        .setEnd(77)
                        .build()));
    }

    /** NewsItem as it was before {@code language} and {@code attributes} were added. */
    public static Schema oldNewsItemSchema() {
        try (InputStream in = TestData.class.getResourceAsStream("/NewsItem-v0.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record schema named {@code Ping} with the given field declarations (JSON objects), for compatibility tests. */
    public static String pingSchema(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"org.policyradar.test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    public static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    public static String field(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
