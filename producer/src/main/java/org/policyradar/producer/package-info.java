/**
 * Reads news from files, streams and RSS/Atom feeds (plain text, JSON Lines, feed documents), normalises every
 * line or entry to a {@link org.policyradar.avro.NewsItem} and publishes the items idempotently to
 * {@link org.policyradar.topics.Topics#NEWS_ITEMS}.
 *
 * <p>Entry points: {@link org.policyradar.producer.NewsIngestor} (read and normalise files, standard input or
 * URLs, hand items to a sink), {@link org.policyradar.producer.FeedReader} (one feed document),
 * {@link org.policyradar.producer.FeedPoller} (follow feeds over http(s), publishing only new entries, across
 * restarts) and {@link org.policyradar.producer.NewsPublisher} (a sink that sends to Kafka).
 */
package org.policyradar.producer;
