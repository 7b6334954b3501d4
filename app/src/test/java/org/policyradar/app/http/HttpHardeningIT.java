package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP API against hostile or greedy callers, on the seeded pipeline: security headers on every answer, only
 * loopback Host names on a loopback-bound server (DNS rebinding), a cap on live clients, and paged listings.
 */
@ExtendWith(SeededPipeline.Extension.class)
class HttpHardeningIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SeededPipeline pipeline;
    private static int port;

    @BeforeAll
    static void share(SeededPipeline shared) {
        pipeline = shared;
        port = shared.base().getPort();
    }

    /** A page: the elements and the X-Next-Cursor header. */
    private record PageAnswer(int status, JsonNode body, Optional<String> nextCursor) {
    }

    private static PageAnswer getPage(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(pipeline.base().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new PageAnswer(response.statusCode(), JSON.readTree(response.body()),
                response.headers().firstValue("X-Next-Cursor"));
    }

    /** Every page of a listing, following the cursors, {@code limit} at a time. */
    private static List<List<String>> allPages(String path, String idField, int limit) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            PageAnswer page = getPage(path + "?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            page.body().forEach(element -> ids.add(element.path(idField).asText()));
            pages.add(ids);
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null && pages.size() < 100);
        return pages;
    }

    private static List<String> ids(JsonNode array, String idField) {
        List<String> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.path(idField).asText()));
        return ids;
    }

    @Test
    void shouldSendTheSecurityHeadersWithEveryAnswerStaticFilesAndErrorsIncluded() {
        for (String path : List.of("/", "/index.html", "/dashboard.js", "/dashboard.css", "/api/conflicts",
                "/api/actors", "/health", "/metrics", "/api/conflicts/no-such-conflict", "/no/such/endpoint")) {
            RawHttp.Answer answer = RawHttp.get(port, path, "localhost:" + port);

            assertThat(answer.header("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                            + "form-action 'none'; frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void shouldServeADashboardWithoutInlineScriptsOrStyles() {
        String page = RawHttp.get(port, "/", "localhost:" + port).body();

        assertThat(page).contains("<script src=\"/dashboard.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void shouldAnswerLoopbackHostNamesWithThePortAndRefuseAnyOtherHost() {
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:" + port,
                "localhost")) {
            assertThat(RawHttp.get(port, "/health", host).status()).as(host).isEqualTo(200);
        }
        for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
                "127.0.0.1.nip.io:" + port, "localhost:" + (port + 1))) {
            RawHttp.Answer refused = RawHttp.get(port, "/api/conflicts", host);

            assertThat(refused.status()).as(host).isEqualTo(403);
            assertThat(refused.body()).contains("answers only to the host names").doesNotContain("evil");
            assertThat(refused.header("Content-Security-Policy")).isNotNull();
        }
        assertThat(RawHttp.get(port, "/", "evil.example:" + port).status()).isEqualTo(403);
        assertThat(RawHttp.get(port, "/api/stream", "evil.example:" + port).status()).isEqualTo(403);
    }

    @Test
    void shouldPageTheConflictsInTheirOrderWithoutRepeatsOrGaps() throws Exception {
        List<String> everything = ids(pipeline.api().json("/api/conflicts"), "conflictId");
        assertThat(everything).hasSizeGreaterThan(4);

        List<List<String>> pages = allPages("/api/conflicts", "conflictId", 3);

        assertThat(pages).hasSize((everything.size() + 2) / 3);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(3));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(everything);
    }

    @Test
    void shouldPageTheActorsToo() throws Exception {
        List<String> everything = ids(pipeline.api().json("/api/actors"), "actor");
        assertThat(everything).hasSizeGreaterThan(2);

        List<List<String>> pages = allPages("/api/actors", "actor", 2);

        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(everything);
        assertThat(pages.get(0)).hasSize(2);
    }

    @Test
    void shouldGiveAtMostTheDefaultPageSizeAndNoCursorOnTheLastPage() throws Exception {
        PageAnswer first = getPage("/api/conflicts");

        assertThat(first.body().size()).isLessThanOrEqualTo(Page.DEFAULT_LIMIT);
        assertThat(first.nextCursor()).isEmpty();
        assertThat(getPage("/api/conflicts?limit=" + Page.MAX_LIMIT).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseALimitOutOfRangeOrACursorItDidNotGiveOut() throws Exception {
        for (String query : List.of("limit=0", "limit=-5", "limit=" + (Page.MAX_LIMIT + 1), "limit=ten",
                "cursor=not-a-cursor", "cursor=" + java.util.Base64.getUrlEncoder().encodeToString(
                        "{\"lastSeen\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)))) {
            PageAnswer answer = getPage("/api/conflicts?" + query);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().path("error").asText()).as(query)
                    .containsAnyOf("limit must be a whole number from 1 to 1000", "cursor is not one this API gave out");
        }
    }

    @Test
    void shouldAnswer503ToALiveClientPastTheCapAndAdmitOneWhenAPlaceIsFree() throws Exception {
        try (PolicyRadarHttpServer small = PolicyRadarHttpServer.start("localhost", 0, pipeline.config(), 2)) {
            URI stream = small.url().resolve("/api/stream");
            EventStreamClient first = new EventStreamClient(stream);
            try (EventStreamClient second = new EventStreamClient(stream)) {
                assertThat(first.await(e -> e.name().equals("ready"), Duration.ofSeconds(30))).isNotNull();
                assertThat(second.await(e -> e.name().equals("ready"), Duration.ofSeconds(30))).isNotNull();

                RawHttp.Answer third = RawHttp.get(small.port(), "/api/stream", "localhost:" + small.port());

                assertThat(third.status()).isEqualTo(503);
                assertThat(third.header("Retry-After")).isEqualTo("30");
                assertThat(third.body()).contains("Too many live clients (2)");

                // the server notices a client that left at its next write, at the latest the heartbeat
                first.close();
                assertThat(admittedWithin(small, ConflictFeed.HEARTBEAT.multipliedBy(3))).isTrue();
            }
        }
    }

    /** Whether a new live client gets the "ready" event within {@code timeout}, trying every two seconds. */
    private static boolean admittedWithin(PolicyRadarHttpServer server, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (EventStreamClient next = new EventStreamClient(server.url().resolve("/api/stream"))) {
                if (next.await(e -> e.name().equals("ready"), Duration.ofSeconds(2)) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
