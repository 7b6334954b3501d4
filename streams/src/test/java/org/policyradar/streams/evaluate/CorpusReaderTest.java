package org.policyradar.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

    private static Map<String, LabelledItem> labels(String items) throws IOException {
        String json = "{\"items\": {" + items + "}}";
        return LabelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).items();
    }

    @Test
    void shouldReadJsonLinesWithHeadlineAndSummaryAndSkipUnlabelledItems() throws IOException {
        List<CorpusItem> items = CorpusReader.read("""
                {"id": "x1", "source": "Daily Example", "headline": "A headline", "summary": "A summary."}
                {"id": "x2", "source": "Other", "headline": "Not labelled", "summary": "Skipped."}
                """, labels("\"x1\": {\"side\": \"NEUTRAL\"}"));

        assertThat(items).containsExactly(new CorpusItem("x1", "Daily Example", "A headline", "A summary."));
    }

    @Test
    void shouldReadPlainTextLinesByTheLineOfTheirLabel() throws IOException {
        List<CorpusItem> items = CorpusReader.read("first line\nsecond line\n",
                labels("\"b\": {\"line\": 2, \"side\": \"NEUTRAL\"}, \"a\": {\"line\": 1, \"side\": \"NEUTRAL\"}"));

        assertThat(items).extracting(CorpusItem::id, CorpusItem::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "first line"),
                        org.assertj.core.groups.Tuple.tuple("b", "second line"));
    }

    @Test
    void shouldNameTheLineThatIsNotJson() {
        assertThatThrownBy(() -> CorpusReader.read("{\"id\": \"x1\"}\n{not json\n", labels("\"x1\": {\"side\": \"NEUTRAL\"}")))
                .isInstanceOf(IOException.class).hasMessageStartingWith("line 2 is not JSON");
    }

    @Test
    void shouldRefuseALabelWithoutASide() {
        assertThatThrownBy(() -> labels("\"x1\": {\"topic\": \"COOPERATION\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("x1");
    }

    @Test
    void shouldPutAnOutletAndItsSyndicatedCopiesInTheSamePartOfTheSplit() {
        CorpusItem original = new CorpusItem("a", "Daily Example", null, "text");
        CorpusItem syndicated = new CorpusItem("b", "Daily Example via aggregator.example", null, "text");

        assertThat(HoldoutSplit.heldOut(syndicated)).isEqualTo(HoldoutSplit.heldOut(original));
        assertThat(HoldoutSplit.TUNE.contains(original)).isNotEqualTo(HoldoutSplit.HOLDOUT.contains(original));
        assertThat(HoldoutSplit.ALL.contains(original)).isTrue();
    }
}
