package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.Map;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

/** Test data: news items written for these tests, at fixed times. */
final class NewsItems {

    static final Instant T0 = Instant.parse("2025-02-03T09:00:00Z");

    static final String DOJ_ORDER = "The Justice Department ordered federal prosecutors to investigate state and "
            + "local officials who obstruct immigration enforcement.";
    static final String NYPD_REFUSAL = "An NYPD memo tells officers not to assist federal immigration agents.";
    static final String NYPD_REFUSAL_OTHER_OUTLET = "In a memo, the NYPD told its officers not to assist federal "
            + "immigration agents.";
    static final String CHICAGO_REFUSAL = "Chicago's mayor said city police will not cooperate with ICE detainers.";
    static final String DHS_ORDER = "The Department of Homeland Security directed ICE to expand arrests nationwide "
            + "and ordered agents to press local jails to honor detainers.";

    private NewsItems() {
    }

    static NewsItem.Builder aNewsItem() {
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

    static NewsItem item(String id, String text, Instant publishedAt) {
        return aNewsItem().setId(id).setText(text).setPublishedAt(publishedAt).setIngestedAt(publishedAt).build();
    }
}
