package org.policyradar.app.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.policyradar.app.tail.StartPosition.At;
import org.policyradar.app.tail.StartPosition.Earliest;
import org.policyradar.app.tail.StartPosition.Latest;

class StartPositionTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-03-10T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldReadEarliestAndLatest() {
        assertThat(StartPosition.parse("earliest", NOW)).isEqualTo(new Earliest());
        assertThat(StartPosition.parse("LATEST", NOW)).isEqualTo(new Latest());
    }

    @Test
    void shouldReadAnIsoInstantWithOrWithoutAnOffset() {
        assertThat(StartPosition.parse("2025-03-01T12:00:00Z", NOW))
                .isEqualTo(new At(Instant.parse("2025-03-01T12:00:00Z")));
        assertThat(StartPosition.parse("2025-03-01T13:00:00+01:00", NOW))
                .isEqualTo(new At(Instant.parse("2025-03-01T12:00:00Z")));
        assertThat(StartPosition.parse("2025-03-01", NOW))
                .isEqualTo(new At(Instant.parse("2025-03-01T00:00:00Z")));
    }

    @Test
    void shouldReadADurationBackFromTheClock() {
        assertThat(StartPosition.parse("-2h", NOW)).isEqualTo(new At(Instant.parse("2025-03-10T13:00:00Z")));
        assertThat(StartPosition.parse("-30m", NOW)).isEqualTo(new At(Instant.parse("2025-03-10T14:30:00Z")));
        assertThat(StartPosition.parse("-7d", NOW)).isEqualTo(new At(Instant.parse("2025-03-03T15:00:00Z")));
        assertThat(StartPosition.parse("-45s", NOW)).isEqualTo(new At(Instant.parse("2025-03-10T14:59:15Z")));
    }

    @Test
    void shouldNameTheAcceptedFormsWhenItCannotRead() {
        for (String wrong : new String[] {"yesterday", "2h", "-2w", "", "2025-13-01T00:00:00Z"}) {
            assertThatThrownBy(() -> StartPosition.parse(wrong, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("earliest, latest, an ISO-8601 instant");
        }
    }
}
