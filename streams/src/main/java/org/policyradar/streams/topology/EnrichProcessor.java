package org.policyradar.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.story.Bounded;
import org.policyradar.streams.story.StoryIds;
import org.policyradar.topics.NewsItemLimits;

/**
 * Validates a news item, finds its policy positions and gives it its story (a pure function of the item, see
 * {@link StoryIds}, so that replays at any scale agree).
 *
 * <p>Validation refuses (to the dead-letter topic, with the reason) what no news item is: no id, neither headline
 * nor text, no event time, or a field over its limit ({@link NewsItemLimits}, the producer's too). The limits keep
 * every record the topology derives from an item far below the broker's record limit; a headline-only item is valid, its headline is its text.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsItem, EnrichedNewsItem> {


    /**
     * How far an item's event time may lie after the timestamp of its record on news.items.v1 (the producer's
     * clock, which the broker checked against its own). Outputs carry the event time, and the broker refuses
     * records stamped more than an hour ahead of its clock: a later item would stop the application at its first
     * sink, and would move stream time past every real item.
     */
    static final Duration MAX_EVENT_TIME_AHEAD = Duration.ofMinutes(15);

    private final Enricher enricher;
    private final String ruleVersion;
    private FixedKeyProcessorContext<String, EnrichedNewsItem> context;

    EnrichProcessor(Enricher enricher, String ruleVersion) {
        this.enricher = enricher;
        this.ruleVersion = ruleVersion;
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
                .setStoryId(StoryIds.of(positions, item.getId()))
                .setSource(item.getSource())
                .setUrl(item.getUrl())
                .setHeadline(item.getHeadline())
                // evidence offsets point into the text the rules read
                .setText(Enricher.analysedText(item.getHeadline(), item.getText()))
                .setPublishedAt(item.getPublishedAt())
                .setEventTimeSource(item.getEventTimeSource())
                .setPositions(positions)
                .setRuleVersion(ruleVersion)
                .build();
        if (!Bounded.fits(enriched)) {
            throw new InvalidRecordException("news item " + item.getId() + " gives an enriched record of "
                    + Bounded.avroBytes(enriched) + " bytes, more than the limit of " + Bounded.MAX_RECORD_BYTES);
        }
        // event time drives every window downstream, whatever timestamp the producer put on the record
        context.forward(record.withValue(enriched).withTimestamp(item.getPublishedAt().toEpochMilli()));
    }

    /** The item if it is valid, a headline-only item with its headline as text; else the reason, thrown. */
    static NewsItem validated(NewsItem item, long recordTimestamp) {
        if (item == null) {
            throw new InvalidRecordException("news item has no value (null or tombstone)");
        }
        if (item.getId() == null || item.getId().isBlank()) {
            throw new InvalidRecordException("news item has no id");
        }
        String id = item.getId();
        refuseIfLonger(id, "id", id, NewsItemLimits.MAX_ID_CHARS);
        boolean noText = item.getText() == null || item.getText().isBlank();
        boolean noHeadline = item.getHeadline() == null || item.getHeadline().isBlank();
        if (noText && noHeadline) {
            throw new InvalidRecordException("news item " + id + " has no text and no headline");
        }
        refuseIfLonger(id, "text", item.getText(), NewsItemLimits.MAX_TEXT_CHARS);
        refuseIfLonger(id, "headline", item.getHeadline(), NewsItemLimits.MAX_HEADLINE_CHARS);
        refuseIfLonger(id, "url", item.getUrl(), NewsItemLimits.MAX_URL_CHARS);
        refuseIfLonger(id, "source", item.getSource(), NewsItemLimits.MAX_SOURCE_CHARS);
        refuseIfTooManyAttributes(id, item.getAttributes());
        if (item.getPublishedAt() == null) {
            throw new InvalidRecordException("news item " + id + " has no event time");
        }
        long eventTime = item.getPublishedAt().toEpochMilli();
        if (eventTime < 0) {
            throw new InvalidRecordException("news item " + id + " is dated " + item.getPublishedAt()
                    + ", before 1970: no Kafka record can carry that time");
        }
        if (eventTime > recordTimestamp + MAX_EVENT_TIME_AHEAD.toMillis()) {
            throw new InvalidRecordException("news item " + id + " is dated " + item.getPublishedAt()
                    + ", more than " + MAX_EVENT_TIME_AHEAD.toMinutes() + " minutes after it was published to Kafka ("
                    + Instant.ofEpochMilli(recordTimestamp) + ")");
        }
        if (noText) {
            // a title-only feed entry: the headline is all there is to read
            return NewsItem.newBuilder(item).setText(item.getHeadline()).build();
        }
        return item;
    }

    private static void refuseIfLonger(String id, String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new InvalidRecordException("news item " + id + " has " + value.length() + " characters of "
                    + field + ", more than the limit of " + limit);
        }
    }

    private static void refuseIfTooManyAttributes(String id, Map<String, String> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > NewsItemLimits.MAX_ATTRIBUTES) {
            throw new InvalidRecordException("news item " + id + " has " + attributes.size()
                    + " attributes, more than the limit of " + NewsItemLimits.MAX_ATTRIBUTES);
        }
        long chars = attributes.entrySet().stream()
                .mapToLong(e -> e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length()))
                .sum();
        if (chars > NewsItemLimits.MAX_ATTRIBUTES_TOTAL_CHARS) {
            throw new InvalidRecordException("news item " + id + " has " + chars
                    + " characters of attributes, more than the limit of "
                    + NewsItemLimits.MAX_ATTRIBUTES_TOTAL_CHARS);
        }
    }
}
