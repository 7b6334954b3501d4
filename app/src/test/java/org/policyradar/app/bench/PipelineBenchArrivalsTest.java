package org.policyradar.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the bench command counts the arrivals of one phase's items. */
class PipelineBenchArrivalsTest {

    @Test
    void shouldCompleteOnceEveryItemOfThePhaseArrived() throws InterruptedException {
        Arrivals arrivals = new Arrivals("item", 3);

        arrivals.record("item-0", 10);
        arrivals.record("item-2", 30);
        boolean completeEarly = arrivals.await(Duration.ZERO);
        arrivals.record("item-1", 20);

        assertThat(completeEarly).isFalse();
        assertThat(arrivals.await(Duration.ZERO)).isTrue();
        assertThat(arrivals.arrivalNanos()).containsExactly(10, 20, 30);
        assertThat(arrivals.lastArrivalNanos()).isEqualTo(30);
    }

    @Test
    void shouldIgnoreOtherPhasesUnknownIdsAndRepeats() throws InterruptedException {
        Arrivals arrivals = new Arrivals("lat", 2);

        arrivals.record("item-0", 5);
        arrivals.record("latx-0", 5);
        arrivals.record("lat-abc", 5);
        arrivals.record("lat-7", 5);
        arrivals.record(null, 5);
        arrivals.record("lat-0", 10);
        arrivals.record("lat-0", 99);

        assertThat(arrivals.arrived()).isEqualTo(1);
        assertThat(arrivals.arrivalNanos()[0]).isEqualTo(10);
        assertThat(arrivals.await(Duration.ZERO)).isFalse();
    }

    @Test
    void shouldReportProgressAtEachQuarter() {
        List<Integer> progress = new ArrayList<>();
        Arrivals arrivals = new Arrivals("item", 8, progress::add);

        for (int i = 0; i < 8; i++) {
            arrivals.record("item-" + i, i + 1);
        }

        assertThat(progress).containsExactly(2, 4, 6, 8);
    }
}
