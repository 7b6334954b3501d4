package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyradar.testkit.NewsItems;

/**
 * The dashboard in a real browser (headless Chromium): it lists the conflicts of the state, draws the actors,
 * filters, shows both articles of a conflict with their evidence highlighted, and adds new conflicts live.
 * It leaves a screenshot in target/dashboard.png.
 */
@ExtendWith(SeededPipeline.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LISTED_IDS = "Array.from(document.querySelectorAll('#conflicts [data-conflict-id]'))"
            + ".map(e => e.dataset.conflictId)";
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    private static SeededPipeline pipeline;
    private static HeadlessChromium browser;

    @BeforeAll
    static void openDashboard(SeededPipeline shared) throws Exception {
        pipeline = shared;
        browser = HeadlessChromium.start(WIDTH, HEIGHT);
        browser.open(pipeline.base());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static List<JsonNode> apiConflicts() {
        List<JsonNode> list = new ArrayList<>();
        pipeline.api().json("/api/conflicts").forEach(list::add);
        return list;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    @Order(1)
    void shouldListEveryConflictOfTheState() throws Exception {
        List<JsonNode> conflicts = apiConflicts();
        Set<String> expected = new HashSet<>();
        conflicts.forEach(c -> expected.add(c.path("conflictId").asText()));

        JsonNode listed = browser.await(LISTED_IDS, ids -> ids.size() == expected.size(), WAIT);

        assertThat(strings(listed)).isEqualTo(expected);
        assertThat(browser.evaluate("document.getElementById('stat-conflicts').textContent").asText())
                .isEqualTo(String.valueOf(expected.size()));
        assertThat(browser.evaluate("document.querySelector('#conflicts [data-conflict-id]').textContent").asText())
                .contains(conflicts.get(0).path("pressing").path("actorName").asText(),
                        conflicts.get(0).path("resisting").path("actorName").asText());
    }

    @Test
    @Order(2)
    void shouldDrawFederalActorsOnOneSideAndStateAndLocalOnTheOther() {
        List<JsonNode> conflicts = apiConflicts();
        Set<String> pressing = new HashSet<>();
        Set<String> resisting = new HashSet<>();
        conflicts.forEach(c -> {
            pressing.add(c.path("pressing").path("actorName").asText());
            resisting.add(c.path("resisting").path("actorName").asText());
        });

        JsonNode nodes = browser.evaluate("Array.from(document.querySelectorAll('#graph .node')).map(n => ({"
                + "x: n.transform.baseVal.getItem(0).matrix.e, name: n.querySelector('title').textContent}))");
        JsonNode edges = browser.evaluate("document.querySelectorAll('#graph path.edge').length");

        assertThat(nodes).hasSize(pressing.size() + resisting.size());
        double middle = browser.evaluate("document.getElementById('graph').viewBox.baseVal.width / 2").asDouble();
        for (JsonNode node : nodes) {
            String title = node.path("name").asText();
            boolean federal = pressing.stream().anyMatch(name -> title.startsWith(name + " ("));
            assertThat(node.path("x").asDouble() < middle).as("side of %s", title).isEqualTo(federal);
        }
        assertThat(edges.asInt()).isPositive().isLessThanOrEqualTo(conflicts.size());
    }

    @Test
    @Order(3)
    void shouldFilterByTopicAndPlace() throws Exception {
        List<JsonNode> conflicts = apiConflicts();
        String place = conflicts.get(0).path("resisting").path("jurisdiction").asText();
        long expected = conflicts.stream().filter(c -> c.path("pressing").path("jurisdiction").asText().equals(place)
                || c.path("resisting").path("jurisdiction").asText().equals(place)).count();

        choose("filter-place", place);
        JsonNode listed = browser.await(LISTED_IDS, ids -> ids.size() == expected, WAIT);
        choose("filter-place", "");
        String topic = conflicts.get(0).path("topic").asText();
        long ofTopic = conflicts.stream().filter(c -> c.path("topic").asText().equals(topic)).count();
        choose("filter-topic", topic);
        JsonNode listedOfTopic = browser.await(LISTED_IDS, ids -> ids.size() == ofTopic, WAIT);
        choose("filter-topic", "");

        assertThat(listed).hasSize((int) expected);
        assertThat(listedOfTopic).hasSize((int) ofTopic);
        assertThat(browser.await(LISTED_IDS, ids -> ids.size() == conflicts.size(), WAIT)).hasSize(conflicts.size());
    }

    private static void choose(String select, String value) {
        browser.evaluate("(() => { const s = document.getElementById('" + select + "'); s.value = "
                + quoted(value) + "; s.dispatchEvent(new Event('change')); return s.value; })()");
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    @Order(4)
    void shouldShowBothArticlesOfAConflictWithTheirEvidenceHighlighted() throws Exception {
        JsonNode conflict = apiConflicts().get(0);
        browser.evaluate("document.querySelector('#conflicts [data-conflict-id=\"" + conflict.path("conflictId")
                .asText() + "\"]').click()");

        // per side: the article's text and where the marks are in it
        String sides = "Array.from(document.querySelectorAll('#detail .side')).map(side => {"
                + " const p = side.querySelector('p.text'); if (!p || !p.querySelector('mark')) return null;"
                + " let at = 0; const marks = [];"
                + " p.childNodes.forEach(n => { const t = n.textContent;"
                + "   if (n.nodeName === 'MARK') marks.push([at, at + t.length]); at += t.length; });"
                + " return {item: side.dataset.itemId, text: p.textContent, marks: marks}; })";
        JsonNode shown = browser.await(sides, value -> value.size() == 2 && !value.get(0).isNull()
                && !value.get(1).isNull(), WAIT);

        assertThat(shown).hasSize(2);
        assertHighlighted(shown.get(0), conflict.path("pressing"));
        assertHighlighted(shown.get(1), conflict.path("resisting"));
    }

    /** Every character of every evidence phrase is marked, and nothing else is. */
    private static void assertHighlighted(JsonNode shown, JsonNode side) {
        String itemId = side.path("itemId").asText();
        assertThat(shown.path("item").asText()).isEqualTo(itemId);
        String text = pipeline.api().json("/api/items/" + itemId).path("text").asText();
        assertThat(shown.path("text").asText()).isEqualTo(text);
        boolean[] evidence = new boolean[text.length()];
        side.path("evidence").forEach(e -> {
            assertThat(text.substring(e.path("start").asInt(), e.path("end").asInt()))
                    .isEqualTo(e.path("phrase").asText());
            for (int i = e.path("start").asInt(); i < e.path("end").asInt(); i++) {
                evidence[i] = true;
            }
        });
        boolean[] marked = new boolean[text.length()];
        shown.path("marks").forEach(mark -> {
            for (int i = mark.get(0).asInt(); i < mark.get(1).asInt(); i++) {
                marked[i] = true;
            }
        });
        assertThat(marked).as("marked characters of %s", itemId).isEqualTo(evidence);
    }

    @Test
    @Order(5)
    void shouldAddANewConflictLiveAndLeaveAScreenshot() throws Exception {
        assertThat(browser.await("document.getElementById('live').dataset.state", state -> state.asText()
                .equals("live"), WAIT).asText()).isEqualTo("live");

        pipeline.publish(NewsItems.item("dashboard-it-boston", "The Boston city council voted to bar police "
                + "officers from helping federal immigration agents with arrests.",
                SeededPipeline.SEED_TIME.plus(Duration.ofHours(3))));

        JsonNode fresh = browser.await("Array.from(document.querySelectorAll('#conflicts li.new'))"
                + ".map(e => e.textContent)", list -> list.size() > 0, Duration.ofMinutes(1));
        assertThat(fresh).isNotEmpty().allSatisfy(text -> assertThat(text.asText()).contains("Boston", "NEW"));

        byte[] png = browser.screenshot();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(30_000);
        ByteBuffer header = ByteBuffer.wrap(png);
        assertThat(header.getLong(0)).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
        assertThat(header.getInt(16)).as("width").isEqualTo(WIDTH);
        assertThat(header.getInt(20)).as("height").isEqualTo(HEIGHT);
    }

    @Test
    @Order(6)
    void shouldWorkUnderItsContentSecurityPolicyWithoutASingleViolation() {
        assertThat(browser.evaluate("Array.isArray(window.cspViolations)").asBoolean()).as("recording").isTrue();
        assertThat(browser.evaluate("window.cspViolations")).as("CSP violations of the dashboard").isEmpty();
        assertThat(browser.evaluate("document.querySelectorAll('#conflicts [data-conflict-id]').length").asInt())
                .isPositive();
    }

    @Test
    @Order(7)
    void shouldHaveTheBrowserRefuseAnInlineScript() throws Exception {
        browser.evaluate("(function () { var s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); return true; })()");

        assertThat(browser.evaluate("window.inlineRan === true").asBoolean()).isFalse();
        assertThat(browser.await("window.cspViolations", list -> list.size() > 0, WAIT))
                .anySatisfy(violation -> assertThat(violation.asText()).startsWith("script-src"));
    }
}
