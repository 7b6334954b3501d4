package org.policyradar.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pairing rule of docs/quality.md ("pairs"), applied to labels alone. */
class PairJudgeTest {

    private static PairJudge judge(String items) throws IOException {
        String json = "{\"items\": {" + items + "}}";
        return new PairJudge(LabelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static final String PRESS_MN = "\"p\": {\"cluster\": \"c1\", \"side\": \"PRESS\", \"topic\": \"COOPERATION\","
            + " \"scope\": [\"MN\"]}";

    @Test
    void shouldRequireAPressWhoseScopeCoversTheResistingPlaceOnTheSameTopic() throws IOException {
        PairJudge judge = judge(PRESS_MN + ", \"r\": {\"cluster\": \"c2\", \"side\": \"RESIST\","
                + " \"topic\": \"COOPERATION\", \"jur\": [\"Minneapolis\", \"MN\"]}");

        assertThat(judge.judge("p", "r")).isEqualTo(PairJudge.Verdict.REQUIRED);
    }

    @Test
    void shouldCountNeitherWayAnotherTopicAPlaceOutsideTheScopeOrACourt() throws IOException {
        PairJudge judge = judge(PRESS_MN
                + ", \"t\": {\"cluster\": \"c2\", \"side\": \"RESIST\", \"topic\": \"BORDER\", \"jur\": [null, \"MN\"]}"
                + ", \"o\": {\"cluster\": \"c3\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"WI\"]}"
                + ", \"j\": {\"cluster\": \"c4\", \"side\": \"JUDICIAL\", \"topic\": \"COOPERATION\"}");

        assertThat(judge.judge("p", "t")).isEqualTo(PairJudge.Verdict.NEITHER);
        assertThat(judge.judge("p", "o")).isEqualTo(PairJudge.Verdict.NEITHER);
        assertThat(judge.judge("p", "j")).isEqualTo(PairJudge.Verdict.NEITHER);
    }

    @Test
    void shouldCountNeitherWayOptionalItemsAndItemsOfOneStory() throws IOException {
        PairJudge judge = judge(PRESS_MN
                + ", \"s\": {\"cluster\": \"c1\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"MN\"]}"
                + ", \"q\": {\"cluster\": \"c5\", \"side\": \"ALIGNED\", \"optional_only\": true, \"jur\": [null, \"MN\"]}");

        assertThat(judge.judge("p", "s")).isEqualTo(PairJudge.Verdict.NEITHER);
        assertThat(judge.judge("p", "q")).isEqualTo(PairJudge.Verdict.NEITHER);
    }

    @Test
    void shouldCallWrongAPairWithAnAlignedANeutralOrTwoResistingItems() throws IOException {
        PairJudge judge = judge(PRESS_MN
                + ", \"a\": {\"cluster\": \"c2\", \"side\": \"ALIGNED\", \"topic\": \"COOPERATION\", \"jur\": [null, \"MN\"]}"
                + ", \"n\": {\"cluster\": \"c3\", \"side\": \"NEUTRAL\"}"
                + ", \"r\": {\"cluster\": \"c4\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"MN\"]}"
                + ", \"r2\": {\"cluster\": \"c6\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"MN\"]}");

        assertThat(judge.judge("p", "a")).isEqualTo(PairJudge.Verdict.WRONG);
        assertThat(judge.judge("p", "n")).isEqualTo(PairJudge.Verdict.WRONG);
        assertThat(judge.judge("r2", "r")).isEqualTo(PairJudge.Verdict.WRONG);
    }

    @Test
    void shouldUseTheExplicitRequiredPairsWhenTheFileListsThem() throws IOException {
        String json = "{\"items\": {" + PRESS_MN + ", \"r\": {\"side\": \"RESIST\", \"topic\": \"COOPERATION\","
                + " \"jur\": [null, \"WI\"]}}, \"required_pairs\": [[\"p\", \"r\"]]}";
        PairJudge judge = new PairJudge(LabelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertThat(judge.judge("p", "r")).isEqualTo(PairJudge.Verdict.REQUIRED);
    }
}
