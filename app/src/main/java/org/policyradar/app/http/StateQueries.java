package org.policyradar.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.topology.TopologyNames.InternalResources;

/**
 * Answers the API from the Streams state with interactive queries, correctly when the state is spread over
 * several instances: a key is looked up where Kafka Streams says its partition lives (this instance, or another
 * one asked over HTTP), and a listing asks every instance that hosts the store and merges the answers.
 *
 * <p>Every answer is JSON in the shapes of {@link ConflictFormat#jsonNode} and {@link ItemJson}, whichever
 * instance it came from.
 */
final class StateQueries {

    /** Both stores are keyed by plain string ids, serialized as the topology's key serde does. */
    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();
    /** Window stores take instants that fit in epoch milliseconds. */
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final PeerClient peers;

    StateQueries(KafkaStreams streams, HostInfo self, ObjectMapper json) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
        this.peers = new PeerClient(json);
    }

    /**
     * The order of conflict listings: latest {@code lastSeen} first, then higher score, then conflict id; total,
     * since there is one conflict per id.
     */
    static final Comparator<JsonNode> CONFLICT_ORDER = Comparator.comparing(StateQueries::lastSeen).reversed()
            .thenComparing(c -> -c.path("score").asDouble())
            .thenComparing(c -> c.path("conflictId").asText());
    /** The fields {@link #CONFLICT_ORDER} compares, which a page's cursor keeps. */
    static final List<String> CONFLICT_KEY = List.of("lastSeen", "score", "conflictId");

    /**
     * The conflicts that pass the filter, latest first.
     *
     * @param localOnly answer from this instance's stores only (what another instance asks for)
     */
    List<JsonNode> conflicts(ConflictFilter filter, boolean localOnly) {
        return conflicts(filter, localOnly, Page.all()).elements();
    }

    /**
     * One page of the conflicts that pass the filter, latest first. Each instance is asked for the same page of
     * its own conflicts; the page of the merged answers is then the page of all of them, since the order is total.
     */
    Page.Slice conflicts(ConflictFilter filter, boolean localOnly, Page page) {
        return page.of(allConflicts(filter, localOnly, page), CONFLICT_ORDER, CONFLICT_KEY);
    }

    private List<JsonNode> allConflicts(ConflictFilter filter, boolean localOnly, Page page) {
        if (localOnly) {
            return sorted(localConflicts(filter));
        }
        Collection<StreamsMetadata> hosts = hostsOf(InternalResources.CONFLICTS_STORE);
        // one conflict per id: while partitions move, two instances may both answer for one
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (StreamsMetadata host : hosts) {
            List<JsonNode> part = isSelf(host.hostInfo())
                    ? localConflicts(filter)
                    : peers.get(host.hostInfo(), "/api/conflicts", withPage(filter.asQuery(), page))
                            .map(StateQueries::elements)
                            .orElse(List.of());
            part.forEach(conflict -> byId.merge(conflict.path("conflictId").asText(), conflict, StateQueries::later));
        }
        return sorted(new ArrayList<>(byId.values()));
    }

    /** The conflict with this id, from the instance that owns it; empty when no instance has it. */
    Optional<JsonNode> conflict(String conflictId, boolean localOnly) {
        HostInfo owner = localOnly ? self : ownerOf(InternalResources.CONFLICTS_STORE, conflictId);
        if (isSelf(owner)) {
            try {
                return Optional.ofNullable(conflictStore().get(conflictId)).map(ConflictFormat::jsonNode);
            } catch (InvalidStateStoreException e) {
                throw notQueryable(InternalResources.CONFLICTS_STORE, e);
            }
        }
        return peers.get(owner, "/api/conflicts/" + segment(conflictId), Map.of());
    }

    /** The latest enrichment of the item with this id, from the instance that owns it. */
    Optional<JsonNode> item(String itemId, boolean localOnly) {
        HostInfo owner = localOnly ? self : ownerOf(InternalResources.ITEMS_STORE, itemId);
        if (isSelf(owner)) {
            ReadOnlyWindowStore<String, EnrichedNewsItem> items = query(InternalResources.ITEMS_STORE,
                    () -> streams.store(StoreQueryParameters.fromNameAndType(InternalResources.ITEMS_STORE,
                            QueryableStoreTypes.<String, EnrichedNewsItem>windowStore())));
            try (WindowStoreIterator<EnrichedNewsItem> versions = items.backwardFetch(itemId, Instant.EPOCH, LATEST)) {
                return versions.hasNext() ? Optional.of(ItemJson.of(versions.next().value)) : Optional.empty();
            } catch (InvalidStateStoreException e) {
                throw notQueryable(InternalResources.ITEMS_STORE, e);
            }
        }
        return peers.get(owner, "/api/items/" + segment(itemId), Map.of());
    }

    private List<JsonNode> localConflicts(ConflictFilter filter) {
        List<JsonNode> found = new ArrayList<>();
        try (KeyValueIterator<String, PolicyConflict> all = conflictStore().all()) {
            all.forEachRemaining(entry -> {
                if (filter.matches(entry.value)) {
                    found.add(ConflictFormat.jsonNode(entry.value));
                }
            });
        } catch (InvalidStateStoreException e) {
            throw notQueryable(InternalResources.CONFLICTS_STORE, e);
        }
        return found;
    }

    private ReadOnlyKeyValueStore<String, PolicyConflict> conflictStore() {
        return query(InternalResources.CONFLICTS_STORE,
                () -> streams.store(StoreQueryParameters.fromNameAndType(InternalResources.CONFLICTS_STORE,
                        QueryableStoreTypes.<String, PolicyConflict>keyValueStore())));
    }

    private <T> T query(String store, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, e);
        }
    }

    private ApiException notQueryable(String store, InvalidStateStoreException e) {
        return ApiException.unavailable("The " + store + " store cannot be queried right now (Streams is "
                + streams.state() + "): " + e.getMessage() + "; retry shortly");
    }

    private Collection<StreamsMetadata> hostsOf(String store) {
        Collection<StreamsMetadata> hosts;
        try {
            hosts = streams.streamsMetadataForStore(store);
        } catch (StreamsException | IllegalStateException e) {
            throw ApiException.unavailable("Cannot tell which instances host the " + store + " store (Streams is "
                    + streams.state() + "): " + e.getMessage());
        }
        if (hosts.isEmpty()) {
            throw ApiException.unavailable("No instance hosts the " + store + " store yet (Streams is "
                    + streams.state() + "); retry shortly");
        }
        return hosts;
    }

    private HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, key, KEY_SERIALIZER);
        } catch (StreamsException | IllegalStateException e) {
            throw ApiException.unavailable("Cannot tell which instance owns " + key + " (Streams is "
                    + streams.state() + "): " + e.getMessage());
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || owner.activeHost().equals(HostInfo.unavailable())) {
            throw ApiException.unavailable("The owner of " + key + " in the " + store + " store is not known yet "
                    + "(Streams is " + streams.state() + "); retry shortly");
        }
        return owner.activeHost();
    }

    /** Without application.server every instance reports itself as unavailable: then all state is local. */
    private boolean isSelf(HostInfo host) {
        return host.equals(self) || host.equals(HostInfo.unavailable());
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode later(JsonNode a, JsonNode b) {
        return lastSeen(b).isAfter(lastSeen(a)) ? b : a;
    }

    private static Instant lastSeen(JsonNode conflict) {
        return Instant.parse(conflict.path("lastSeen").asText(Instant.EPOCH.toString()));
    }

    private static List<JsonNode> sorted(List<JsonNode> conflicts) {
        conflicts.sort(CONFLICT_ORDER);
        return conflicts;
    }

    private static Map<String, String> withPage(Map<String, String> query, Page page) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(page.asQuery());
        return all;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
