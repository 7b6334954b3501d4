/**
 * Reads news from files and streams (plain text or JSON Lines), normalises every line to a
 * {@link org.policyradar.avro.NewsItem} and publishes the items idempotently to
 * {@link org.policyradar.topics.Topics#NEWS_ITEMS}.
 *
 * <p>Entry points: {@link org.policyradar.producer.NewsIngestor} (read and normalise, hand items to a sink) and
 * {@link org.policyradar.producer.NewsPublisher} (a sink that sends to Kafka).
 */
package org.policyradar.producer;
