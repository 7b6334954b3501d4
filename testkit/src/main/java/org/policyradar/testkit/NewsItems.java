package org.policyradar.testkit;

import java.time.Instant;
import java.util.Map;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

/**
 * The one family of {@link NewsItem} builders for tests: news written for these tests in the team's own words,
 * at fixed times. Start from {@link #aNewsItem()} (only the required fields and a language) or
 * {@link #aCompleteNewsItem()} (every optional field set too) and change on the builder what a test cares about.
 */
public final class NewsItems {

    /** The event time of {@link #aNewsItem()}, and the start of every test timeline built on it. */
    public static final Instant T0 = Instant.parse("2025-02-03T09:00:00Z");

    /** A federal order pressing enforcement on state and local officials. */
    public static final String DOJ_ORDER = "The Justice Department ordered federal prosecutors to investigate state and "
            + "local officials who obstruct immigration enforcement.";
    /** A city police department refusing to help federal agents: the text of {@link #aNewsItem()}. */
    public static final String NYPD_REFUSAL = "An NYPD memo tells officers not to assist federal immigration agents.";
    /** The same refusal as {@link #NYPD_REFUSAL}, worded as another outlet would report it. */
    public static final String NYPD_REFUSAL_OTHER_OUTLET = "In a memo, the NYPD told its officers not to assist federal "
            + "immigration agents.";
    /** A city's mayor refusing detainers. */
    public static final String CHICAGO_REFUSAL = "Chicago's mayor said city police will not cooperate with ICE detainers.";
    /** A federal directive to expand arrests and press local jails. */
    public static final String DHS_ORDER = "The Department of Homeland Security directed ICE to expand arrests nationwide "
            + "and ordered agents to press local jails to honor detainers.";

    private NewsItems() {
    }

    /**
     * An item with the required fields, a language and no optional extras (no url, headline or attributes),
     * published at {@link #T0} and ingested at the same instant; its text is {@link #NYPD_REFUSAL}.
     */
    public static NewsItem.Builder aNewsItem() {
        return NewsItem.newBuilder()
                .setId("item-1")
                .setSource("test-wire")
                .setUrl(null)
                .setHeadline(null)
                .setText(NYPD_REFUSAL)
                .setLanguage("en")
                .setPublishedAt(T0)
                .setEventTimeSource(EventTimeSource.PUBLISHED)
                .setIngestedAt(T0)
                .setAttributes(Map.of());
    }

    /**
     * {@link #aNewsItem()} with every optional field set (url, headline, attributes) and times with milliseconds,
     * for serde and interoperability tests that must see each field survive a round trip.
     */
    public static NewsItem.Builder aCompleteNewsItem() {
        return aNewsItem()
                .setUrl("https://news.example/nypd-memo")
                .setHeadline("NYPD memo on federal immigration agents")
                .setPublishedAt(T0.plusMillis(123))
                .setIngestedAt(T0.plusSeconds(67).plusMillis(456))
                .setAttributes(Map.of("section", "metro", "byline", "Staff"));
    }

    /** {@link #aNewsItem()} with this id and text, published and ingested at {@code publishedAt}. */
    public static NewsItem item(String id, String text, Instant publishedAt) {
        return aNewsItem().setId(id).setText(text).setPublishedAt(publishedAt).setIngestedAt(publishedAt).build();
    }
}
