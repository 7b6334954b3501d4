package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.app.http.TestConflicts.T0;
import static org.policyradar.app.http.TestConflicts.conflict;
import static org.policyradar.app.http.TestConflicts.denverMayor;
import static org.policyradar.app.http.TestConflicts.ice;
import static org.policyradar.app.http.TestConflicts.kingCountySheriff;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;

class ConflictFilterTest {

    private static final PolicyConflict KING_COUNTY = conflict("c-king", ice(PolicyTopic.COOPERATION),
            kingCountySheriff(PolicyTopic.COOPERATION), T0);
    private static final PolicyConflict DENVER = conflict("c-denver", ice(PolicyTopic.SENSITIVE_LOCATIONS),
            denverMayor(PolicyTopic.SENSITIVE_LOCATIONS), T0.plus(Duration.ofDays(2)));

    private static ConflictFilter filter(Map<String, String> query) {
        return ConflictFilter.fromQuery(query::get);
    }

    @Test
    void shouldLetEverythingThroughWithoutParameters() {
        ConflictFilter none = filter(Map.of());

        assertThat(none).isEqualTo(ConflictFilter.NONE);
        assertThat(none.matches(KING_COUNTY)).isTrue();
        assertThat(none.matches(DENVER)).isTrue();
    }

    @Test
    void shouldMatchTheDomainOfTheTopicInAnyCase() {
        ConflictFilter immigration = filter(Map.of("domain", "immigration"));
        ConflictFilter elections = filter(Map.of("domain", "ELECTIONS"));

        assertThat(immigration.matches(DENVER)).isTrue();
        assertThat(immigration.matches(KING_COUNTY)).isTrue();
        assertThat(elections.matches(DENVER)).isFalse();
        assertThat(elections.asQuery()).containsEntry("domain", "ELECTIONS");
    }

    @Test
    void shouldRejectAnUnknownDomainWithA400() {
        assertThatThrownBy(() -> filter(Map.of("domain", "ASTROLOGY")))
                .isInstanceOf(ApiException.class).hasMessageContaining("ASTROLOGY").hasMessageContaining("ELECTIONS");
    }

    @Test
    void shouldMatchTheTopicInAnyCase() {
        ConflictFilter sensitive = filter(Map.of("topic", "sensitive_locations"));

        assertThat(sensitive.matches(DENVER)).isTrue();
        assertThat(sensitive.matches(KING_COUNTY)).isFalse();
    }

    @Test
    void shouldMatchAJurisdictionByCodeStateOrPartOfItsName() {
        assertThat(filter(Map.of("jurisdiction", "us-wa-king_county")).matches(KING_COUNTY)).isTrue();
        assertThat(filter(Map.of("jurisdiction", "WA")).matches(KING_COUNTY)).isTrue();
        assertThat(filter(Map.of("jurisdiction", "king county")).matches(KING_COUNTY)).isTrue();
        assertThat(filter(Map.of("jurisdiction", "king county")).matches(DENVER)).isFalse();
        // the federal side's place counts too
        assertThat(filter(Map.of("jurisdiction", "nationwide")).matches(DENVER)).isTrue();
    }

    @Test
    void shouldMatchAnActorByIdOrPartOfItsNameOnEitherSide() {
        assertThat(filter(Map.of("actor", "mayor-us-co-denver")).matches(DENVER)).isTrue();
        assertThat(filter(Map.of("actor", "Sheriff")).matches(KING_COUNTY)).isTrue();
        assertThat(filter(Map.of("actor", "Sheriff")).matches(DENVER)).isFalse();
        assertThat(filter(Map.of("actor", "US-DHS-ICE")).matches(KING_COUNTY)).isTrue();
    }

    @Test
    void shouldKeepConflictsSeenAtOrAfterSince() {
        ConflictFilter since = filter(Map.of("since", T0.plus(Duration.ofDays(2)).toString()));

        assertThat(since.matches(DENVER)).isTrue();
        assertThat(since.matches(KING_COUNTY)).isFalse();
    }

    @Test
    void shouldRequireEveryFilterToHold() {
        ConflictFilter both = filter(Map.of("topic", "COOPERATION", "actor", "Denver"));

        assertThat(both.matches(KING_COUNTY)).isFalse();
        assertThat(both.matches(DENVER)).isFalse();
    }

    @Test
    void shouldRejectAnUnknownTopicOrAnUnreadableInstantWithA400() {
        assertThatThrownBy(() -> filter(Map.of("topic", "WEATHER")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("WEATHER").hasMessageContaining("BORDER");
        assertThatThrownBy(() -> filter(Map.of("since", "last week")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("last week");
    }

    @Test
    void shouldPassItsParametersOnToAnotherInstanceUnchanged() {
        ConflictFilter filter = filter(Map.of("topic", "BORDER", "jurisdiction", "King County", "actor", "ICE",
                "since", T0.toString()));

        assertThat(filter(filter.asQuery())).isEqualTo(filter);
    }
}
