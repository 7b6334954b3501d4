package org.policyradar.streams.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.story.StoryIds;
import org.policyradar.streams.story.StorySignature;

/**
 * Runs the whole detection on a labelled corpus: enrich every item, group the items into stories with the
 * production {@link StoryIds}, match every pair of stories with {@link ConflictRules}, and measure the
 * conflicts found against the labels at story level. A required pair counts as found when a conflict between
 * the stories of its two items exists; a conflict is wrong when no pair of items of its two stories is
 * required or optional. Items are published half an hour apart, in line order.
 */
class ConflictEvaluationTest {

    /** The corpus spans 51 hours from here. */
    private static final Instant START = Instant.parse("2026-01-25T00:00:00Z");
    private static RuleSet rules;
    private static Enricher enricher;

    @BeforeAll
    static void loadRules() {
        rules = RuleSet.loadDefault();
        enricher = new Enricher(rules);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"seed-news.txt, seed-labels.json", "eval-news.txt, eval-labels.json"})
    void shouldFindRequiredConflictsWithHighPrecisionAndRecall(String news, String labels) {
        LabelledCorpus corpus = LabelledCorpus.load(news, labels);
        Map<String, EnrichedNewsItem> enriched = enrichAndGroup(corpus);

        ConflictRules conflictRules = new ConflictRules(rules);
        Map<List<String>, List<List<String>>> foundStoryPairs = new LinkedHashMap<>();
        List<EnrichedNewsItem> all = new ArrayList<>(enriched.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                for (PolicyConflict conflict : conflictRules.match(all.get(i), all.get(j))) {
                    List<String> storyPair = List.of(conflict.getPressing().getStoryId(),
                            conflict.getResisting().getStoryId());
                    foundStoryPairs.computeIfAbsent(storyPair, k -> new ArrayList<>())
                            .add(List.of(conflict.getPressing().getItemId(), conflict.getResisting().getItemId()));
                }
            }
        }

        Map<String, Set<String>> itemsOfStory = new LinkedHashMap<>();
        enriched.values().forEach(e -> itemsOfStory.computeIfAbsent(e.getStoryId(), k -> new TreeSet<>())
                .add(e.getItemId()));
        int truePositives = 0;
        List<String> wrong = new ArrayList<>();
        for (List<String> storyPair : foundStoryPairs.keySet()) {
            boolean required = false;
            boolean optional = false;
            for (String press : itemsOfStory.get(storyPair.get(0))) {
                for (String resist : itemsOfStory.get(storyPair.get(1))) {
                    required |= corpus.requiredPairs.contains(List.of(press, resist));
                    optional |= corpus.optional(press, resist);
                }
            }
            if (required) {
                truePositives++;
            } else if (!optional) {
                wrong.add(foundStoryPairs.get(storyPair).get(0).toString());
            }
        }
        Set<List<String>> requiredStoryPairs = new HashSet<>();
        List<String> missed = new ArrayList<>();
        for (List<String> pair : corpus.requiredPairs) {
            List<String> storyPair = List.of(enriched.get(pair.get(0)).getStoryId(),
                    enriched.get(pair.get(1)).getStoryId());
            if (requiredStoryPairs.add(storyPair) && !foundStoryPairs.containsKey(storyPair)) {
                missed.add(pair.toString());
            }
        }
        double precision = truePositives + wrong.size() == 0 ? 1.0
                : truePositives / (double) (truePositives + wrong.size());
        double recall = requiredStoryPairs.isEmpty() ? 1.0
                : (requiredStoryPairs.size() - missed.size()) / (double) requiredStoryPairs.size();
        System.out.printf("%s: %d items, %d stories, %d story pairs found (%d required, %d wrong), "
                        + "%d required story pairs, %d missed: precision %.3f, recall %.3f%n",
                news, corpus.items.size(), itemsOfStory.size(), foundStoryPairs.size(), truePositives, wrong.size(),
                requiredStoryPairs.size(), missed.size(), precision, recall);
        System.out.println("  wrong: " + wrong);
        System.out.println("  missed: " + missed);

        assertThat(precision).as("precision on %s, wrong pairs %s", news, wrong).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall on %s, missed pairs %s", news, missed).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"eval-news.txt, eval-labels.json"})
    void shouldGroupTheArticlesOfOneStoryAndMergeOnlySameSignatures(String news, String labels) {
        LabelledCorpus corpus = LabelledCorpus.load(news, labels);
        Map<String, EnrichedNewsItem> enriched = enrichAndGroup(corpus);
        int labelledTogether = 0;
        int foundTogether = 0;
        int wronglyTogether = 0;
        List<String> split = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        List<String> ids = new ArrayList<>(enriched.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                boolean labelled = corpus.labelledStoryOf.containsKey(a)
                        && corpus.labelledStoryOf.get(a).equals(corpus.labelledStoryOf.get(b));
                boolean found = enriched.get(a).getStoryId().equals(enriched.get(b).getStoryId());
                if (labelled) {
                    labelledTogether++;
                    if (found) {
                        foundTogether++;
                    } else {
                        split.add(a + "/" + b + " (" + StorySignature.of(enriched.get(a).getPositions()).orElse("-")
                                + " vs " + StorySignature.of(enriched.get(b).getPositions()).orElse("-") + ")");
                    }
                } else if (found) {
                    wronglyTogether++;
                    merged.add(a + "/" + b);
                    // stories are keyed by signature, so only same-signature articles may share one
                    assertThat(StorySignature.of(enriched.get(a).getPositions()))
                            .as("signature of %s and %s, merged into one story", a, b)
                            .isEqualTo(StorySignature.of(enriched.get(b).getPositions()));
                }
            }
        }
        System.out.printf("%s: same-story pairs labelled %d, found %d; wrongly merged %d%n  split: %s%n  merged: %s%n",
                news, labelledTogether, foundTogether, wronglyTogether, split, merged);
        assertThat(foundTogether).as("same-story pairs found, split: %s", split)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * labelledTogether));
    }

    /** Enriches the items in line order and gives each its story as the topology would. */
    private static Map<String, EnrichedNewsItem> enrichAndGroup(LabelledCorpus corpus) {
        Map<String, EnrichedNewsItem> enriched = new LinkedHashMap<>();
        corpus.items.stream().sorted((x, y) -> Integer.compare(x.line(), y.line())).forEach(item -> {
            Instant published = START.plus(Duration.ofMinutes(30L * (item.line() - 1L)));
            List<PolicyPosition> positions = enricher.positionsOf(null, item.text());
            String text = Enricher.analysedText(null, item.text());
            String storyId = StoryIds.of(positions, item.id());
            enriched.put(item.id(), EnrichedNewsItem.newBuilder()
                    .setItemId(item.id())
                    .setStoryId(storyId)
                    .setSource("corpus")
                    .setText(text)
                    .setPublishedAt(published)
                    .setPositions(positions)
                    .setRuleVersion(rules.version())
                    .build());
        });
        return enriched;
    }
}
