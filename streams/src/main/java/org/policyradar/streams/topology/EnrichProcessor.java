package org.policyradar.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.story.StoryIds;

/**
 * Validates a news item, finds its policy positions and gives it its story (a pure function of the item, see
 * {@link StoryIds}, so that replays at any scale agree).
 */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsItem, EnrichedNewsItem> {

    /** Larger items are not news items but mistakes (a whole feed in one record, a binary blob). */
    static final int MAX_TEXT_CHARS = 64 * 1024;

    /**
     * How far an item's event time may lie after the timestamp of its record on news.items.v1 (the producer's
     * clock, which the broker checked against its own). Outputs carry the event time, and the broker refuses
     * records stamped more than an hour ahead of its clock: a later item would stop the application at its first
     * sink, and would move stream time past every real item.
     */
    static final Duration MAX_EVENT_TIME_AHEAD = Duration.ofMinutes(15);

    private final Enricher enricher;
    private final String ruleVersion;
    private final Duration storyWindow;
    private FixedKeyProcessorContext<String, EnrichedNewsItem> context;

    EnrichProcessor(Enricher enricher, String ruleVersion, Duration storyWindow) {
        this.enricher = enricher;
        this.ruleVersion = ruleVersion;
        this.storyWindow = storyWindow;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedNewsItem> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, NewsItem> record) {
        NewsItem item = validated(record.value(), record.timestamp());
        List<PolicyPosition> positions = enricher.positionsOf(item.getHeadline(), item.getText());
        EnrichedNewsItem enriched = EnrichedNewsItem.newBuilder()
                .setItemId(item.getId())
                .setStoryId(StoryIds.of(positions, item.getId(), item.getPublishedAt(), storyWindow))
                .setSource(item.getSource())
                .setUrl(item.getUrl())
                .setHeadline(item.getHeadline())
                // evidence offsets point into the text the rules read
                .setText(Enricher.analysedText(item.getHeadline(), item.getText()))
                .setPublishedAt(item.getPublishedAt())
                .setPositions(positions)
                .setRuleVersion(ruleVersion)
                .build();
        // event time drives every window downstream, whatever timestamp the producer put on the record
        context.forward(record.withValue(enriched).withTimestamp(item.getPublishedAt().toEpochMilli()));
    }

    static NewsItem validated(NewsItem item, long recordTimestamp) {
        if (item == null) {
            throw new InvalidRecordException("news item has no value (null or tombstone)");
        }
        if (item.getId() == null || item.getId().isBlank()) {
            throw new InvalidRecordException("news item has no id");
        }
        if (item.getText() == null || item.getText().isBlank()) {
            throw new InvalidRecordException("news item " + item.getId() + " has no text");
        }
        if (item.getText().length() > MAX_TEXT_CHARS) {
            throw new InvalidRecordException("news item " + item.getId() + " has " + item.getText().length()
                    + " characters of text, more than the limit of " + MAX_TEXT_CHARS);
        }
        if (item.getPublishedAt() == null) {
            throw new InvalidRecordException("news item " + item.getId() + " has no event time");
        }
        long eventTime = item.getPublishedAt().toEpochMilli();
        if (eventTime < 0) {
            throw new InvalidRecordException("news item " + item.getId() + " is dated " + item.getPublishedAt()
                    + ", before 1970: no Kafka record can carry that time");
        }
        if (eventTime > recordTimestamp + MAX_EVENT_TIME_AHEAD.toMillis()) {
            throw new InvalidRecordException("news item " + item.getId() + " is dated " + item.getPublishedAt()
                    + ", more than " + MAX_EVENT_TIME_AHEAD.toMinutes() + " minutes after it was published to Kafka ("
                    + Instant.ofEpochMilli(recordTimestamp) + ")");
        }
        return item;
    }
}
