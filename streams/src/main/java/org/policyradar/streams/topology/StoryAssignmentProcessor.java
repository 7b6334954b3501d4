package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.streams.story.StoryClusterer;
import org.policyradar.streams.story.TextFingerprint;

/**
 * Gives each item its story id. Items arrive keyed by story signature (same actor, stance, instrument...), so
 * every earlier article that could be the same story is in this task's store; the {@link StoryClusterer} decides
 * which story the item joins, or it founds one of its own.
 *
 * <p>Store layout: key {@code <signature>|<itemId>}, value {@code <storyId>;<simHash as hex>}, timestamp = the
 * article's event time.
 */
final class StoryAssignmentProcessor implements FixedKeyProcessor<String, EnrichedNewsItem, EnrichedNewsItem> {

    /** Key prefix of items that carry no position: they never share a story and never enter the index. */
    static final String UNSIGNED_PREFIX = "item:";

    private final StoryClusterer clusterer;
    private FixedKeyProcessorContext<String, EnrichedNewsItem> context;
    private WindowStore<String, String> index;

    StoryAssignmentProcessor(StoryClusterer clusterer) {
        this.clusterer = clusterer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedNewsItem> context) {
        this.context = context;
        this.index = context.getStateStore(TopologyNames.STORY_INDEX_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedNewsItem> record) {
        EnrichedNewsItem item = record.value();
        String signature = record.key();
        if (signature.startsWith(UNSIGNED_PREFIX)) {
            context.forward(record.withValue(withStory(item, StoryClusterer.storyIdFoundedBy(item.getItemId()))));
            return;
        }
        StoryClusterer.Article article = new StoryClusterer.Article(item.getItemId(), signature,
                TextFingerprint.simHash(item.getText()), item.getPublishedAt());
        String storyId = clusterer.storyFor(article, membersNear(article))
                .orElseGet(() -> StoryClusterer.storyIdFoundedBy(item.getItemId()));
        index.put(signature + "|" + item.getItemId(), storyId + ";" + Long.toHexString(article.simHash()),
                item.getPublishedAt().toEpochMilli());
        context.forward(record.withValue(withStory(item, storyId)));
    }

    private List<StoryClusterer.Member> membersNear(StoryClusterer.Article article) {
        String prefix = article.signature() + "|";
        Instant from = article.publishedAt().minus(clusterer.window());
        Instant to = article.publishedAt().plus(clusterer.window());
        List<StoryClusterer.Member> members = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, String> entries = index.fetch(prefix, prefix + "\uffff", from, to)) {
            while (entries.hasNext()) {
                KeyValue<Windowed<String>, String> entry = entries.next();
                int separator = entry.value.indexOf(';');
                members.add(new StoryClusterer.Member(
                        entry.value.substring(0, separator),
                        entry.key.key().substring(prefix.length()),
                        article.signature(),
                        Long.parseUnsignedLong(entry.value.substring(separator + 1), 16),
                        entry.key.window().startTime()));
            }
        }
        return members;
    }

    private static EnrichedNewsItem withStory(EnrichedNewsItem item, String storyId) {
        return EnrichedNewsItem.newBuilder(item).setStoryId(storyId).build();
    }
}
