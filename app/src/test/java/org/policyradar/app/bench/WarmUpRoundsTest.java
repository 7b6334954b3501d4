package org.policyradar.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpRoundsTest {

    @Test
    void shouldRunRoundsInOrderAndNeverMoreThanTheMaximum() throws InterruptedException {
        List<Integer> seen = new ArrayList<>();

        WarmUpRounds.Result result = WarmUpRounds.untilQuiet(3, seen::add);

        assertThat(result.rounds()).isBetween(1, 3);
        assertThat(seen).hasSize(result.rounds());
        assertThat(seen).isEqualTo(List.of(0, 1, 2).subList(0, result.rounds()));
    }

    @Test
    void shouldStopAtTheFirstQuietRoundOrTheLastOne() throws InterruptedException {
        WarmUpRounds.Result result = WarmUpRounds.untilQuiet(2, round -> { });

        assertThat(result.quiet() || result.rounds() == 2 || Double.isNaN(result.lastJitShare())).isTrue();
    }

    @Test
    void shouldRefuseFewerThanOneRound() {
        assertThatThrownBy(() -> WarmUpRounds.untilQuiet(0, round -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void shouldTakeTheCompilerShareOfTheProcessCpu() {
        assertThat(WarmUpRounds.jitShare(new ProcessCpu.Used(1_000_000, 250_000))).isEqualTo(0.25);
        assertThat(WarmUpRounds.jitShare(new ProcessCpu.Used(1_000_000, -1))).isNaN();
        assertThat(WarmUpRounds.jitShare(new ProcessCpu.Used(0, 0))).isNaN();
    }

    @Test
    void shouldCountAQuietRoundAtOrBelowTheThreshold() {
        assertThat(new WarmUpRounds.Result(1, WarmUpRounds.QUIET_JIT_SHARE).quiet()).isTrue();
        assertThat(new WarmUpRounds.Result(1, 0.11).quiet()).isFalse();
        assertThat(new WarmUpRounds.Result(1, Double.NaN).quiet()).isFalse();
    }

    @Test
    void shouldDescribeTheRoundsAndTheLastShare() {
        assertThat(new WarmUpRounds.Result(1, 0.071).describe()).isEqualTo("1 round (JIT 7% of the last)");
        assertThat(new WarmUpRounds.Result(3, Double.NaN).describe()).isEqualTo("3 rounds");
    }
}
