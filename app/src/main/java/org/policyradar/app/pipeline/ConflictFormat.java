package org.policyradar.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryArticle;
import org.policyradar.avro.StorySummary;

/** Renders a conflict for people (a short block of text) or for programs (one JSON object on one line). */
public final class ConflictFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictFormat() {
    }

    /** One line of JSON: conflictId, topic, domain (the pack the topic belongs to), score, explanation, and the pressing and resisting sides. */
    public static String json(ConflictAlert alert) {
        return json(alert.getConflictId(), alert.getTopic(), alert.getScore(), alert.getExplanation(),
                alert.getPressing(), alert.getResisting());
    }

    /**
     * One line of JSON for one state of a conflict (what {@code run --json} prints at each change): the fields of
     * {@link #json(ConflictAlert)} for its representative pair, the article counts of both stories and their
     * representative articles ({@code pressingArticles} / {@code resistingArticles}: itemId and headline, at
     * most ten each), firstSeen and lastSeen.
     */
    public static String json(PolicyConflict conflict) {
        ObjectNode node = node(conflict.getConflictId(), conflict.getTopic(), conflict.getScore(),
                conflict.getExplanation(), conflict.getPressing(), conflict.getResisting());
        addStories(node, conflict);
        node.put("firstSeen", conflict.getFirstSeen().toString());
        node.put("lastSeen", conflict.getLastSeen().toString());
        return node.toString();
    }

    /** One line a person can read: the change, who against whom, where, and how many articles on each side. */
    public static String text(PolicyConflict conflict, boolean isNew) {
        return (isNew ? "NEW     " : "UPDATE  ") + conflict.getConflictId() + "  " + conflict.getTopic() + "  "
                + String.format(Locale.ROOT, "%.2f", conflict.getScore()) + "  "
                + conflict.getPressing().getPosition().getActorName() + " ("
                + countOf(conflict.getPressingStory()) + ") vs "
                + conflict.getResisting().getPosition().getActorName() + " ("
                + countOf(conflict.getResistingStory()) + ") in "
                + conflict.getResisting().getPosition().getJurisdiction().getName();
    }

    private static String countOf(StorySummary story) {
        // counts in conflicts are powers of two (the record changes when one doubles): at least this many
        int count = story == null ? 1 : story.getArticleCount();
        return count == 1 ? "1 article" : "\u2265" + count + " articles";
    }

    private static void addStories(ObjectNode node, PolicyConflict conflict) {
        StorySummary pressing = conflict.getPressingStory();
        StorySummary resisting = conflict.getResistingStory();
        node.put("pressingArticleCount", pressing == null ? 1 : pressing.getArticleCount());
        node.put("resistingArticleCount", resisting == null ? 1 : resisting.getArticleCount());
        articles(node.putArray("pressingArticles"), pressing, conflict.getPressing());
        articles(node.putArray("resistingArticles"), resisting, conflict.getResisting());
    }

    private static void articles(ArrayNode array, StorySummary story, ConflictParty fallback) {
        if (story == null) {
            ObjectNode only = array.addObject();
            only.put("itemId", fallback.getItemId());
            only.put("headline", headlineOf(fallback));
            return;
        }
        for (StoryArticle article : story.getReports()) {
            ObjectNode node = array.addObject();
            node.put("itemId", article.getItemId());
            node.put("headline", article.getHeadline());
            node.put("source", article.getSource());
            node.put("url", article.getUrl());
            node.put("publishedAt", article.getPublishedAt().toString());
        }
    }

    /**
     * The latest state of a conflict as a JSON object: the fields of {@link #json(ConflictAlert)} for its
     * representative pair of articles, plus ruleVersion, firstSeen, lastSeen, evidenceCount and articleIds.
     */
    public static ObjectNode jsonNode(PolicyConflict conflict) {
        ObjectNode node = node(conflict.getConflictId(), conflict.getTopic(), conflict.getScore(),
                conflict.getExplanation(), conflict.getPressing(), conflict.getResisting());
        node.put("ruleVersion", conflict.getRuleVersion());
        node.put("firstSeen", conflict.getFirstSeen().toString());
        node.put("lastSeen", conflict.getLastSeen().toString());
        node.put("evidenceCount", conflict.getEvidenceCount());
        ArrayNode articles = node.putArray("articleIds");
        conflict.getArticleIds().forEach(articles::add);
        addStories(node, conflict);
        return node;
    }

    private static String json(String conflictId, PolicyTopic topic, double score, String explanation,
                               ConflictParty pressing, ConflictParty resisting) {
        return node(conflictId, topic, score, explanation, pressing, resisting).toString();
    }

    private static ObjectNode node(String conflictId, PolicyTopic topic, double score, String explanation,
                                   ConflictParty pressing, ConflictParty resisting) {
        ObjectNode node = JSON.createObjectNode();
        node.put("conflictId", conflictId);
        node.put("topic", topic.name());
        node.put("domain", org.policyradar.streams.enrich.PolicyDomains.of(topic));
        node.put("score", score);
        node.put("explanation", explanation);
        node.set("pressing", side(pressing));
        node.set("resisting", side(resisting));
        return node;
    }

    private static ObjectNode side(ConflictParty party) {
        PolicyPosition position = party.getPosition();
        ObjectNode node = JSON.createObjectNode();
        node.put("itemId", party.getItemId());
        node.put("storyId", party.getStoryId());
        node.put("headline", headlineOf(party));
        node.put("actor", position.getActorId());
        node.put("actorName", position.getActorName());
        node.put("level", position.getLevel().name());
        node.put("jurisdiction", position.getJurisdiction().getName());
        node.put("jurisdictionCode", position.getJurisdiction().getCode());
        node.put("stance", position.getStance().name());
        node.put("instrument", position.getInstrument().name());
        node.put("publishedAt", party.getPublishedAt().toString());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : position.getEvidence()) {
            ObjectNode item = evidence.addObject();
            item.put("field", e.getField().name());
            item.put("phrase", e.getPhrase());
            item.put("start", e.getStart());
            item.put("end", e.getEnd());
        }
        return node;
    }

    /** Items read from plain text have no headline: their text stands in for it. */
    private static String headlineOf(ConflictParty party) {
        return party.getHeadline() != null && !party.getHeadline().isBlank() ? party.getHeadline() : party.getText();
    }
}
