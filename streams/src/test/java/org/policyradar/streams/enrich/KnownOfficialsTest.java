package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.Stance;

/**
 * Officials named without their title: headlines and second references use the name alone ("Moore signs ..."),
 * and the core rules, which every domain starts from, know every state's governor, most attorneys general and
 * the mayors of the largest cities. Team sentences; the immigration rules only, as in RealNewsPatternsTest.
 */
class KnownOfficialsTest {

    private static final List<String> STATES = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY");

    private static RuleSet immigration;
    private static Enricher enricher;

    @BeforeAll
    static void rules() {
        immigration = RuleSet.loadDefault(List.of(PolicyDomains.IMMIGRATION));
        enricher = new Enricher(immigration);
    }

    @Test
    void shouldKnowTheGovernorOfEveryStateInTheCoreRules() {
        for (String state : STATES) {
            RuleFiles.ActorDef governor = immigration.actor("GOV-" + state);
            assertThat(governor.place()).as(governor.id()).isEqualTo(state);
            assertThat(governor.level()).as(governor.id()).isEqualTo(GovernmentLevel.STATE);
            assertThat(governor.aliases()).as(governor.id()).isNotEmpty();
        }
    }

    @Test
    void shouldReadAGovernorNamedAloneAsTheState() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "Wes Moore signs a law barring state agencies from helping ICE with civil immigration arrests.");

        assertThat(found).singleElement().satisfies(position -> {
            assertThat(position.getActorId()).isEqualTo("GOV-MD");
            assertThat(position.getLevel()).isEqualTo(GovernmentLevel.STATE);
            assertThat(position.getStance()).isEqualTo(Stance.RESIST);
            assertThat(position.getJurisdiction().getCode()).isEqualTo("MD");
        });
    }

    @Test
    void shouldReadAMayorNamedAloneAsTheCity() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "Ras Baraka says Newark police will not assist federal immigration agents.");

        assertThat(found).extracting(PolicyPosition::getStance).contains(Stance.RESIST);
        assertThat(found).filteredOn(position -> position.getStance() == Stance.RESIST)
                .allSatisfy(position -> {
                    assertThat(position.getLevel()).isEqualTo(GovernmentLevel.LOCAL);
                    assertThat(position.getJurisdiction().getCode()).isEqualTo("US-NJ-NEWARK");
                });
    }

    @Test
    void shouldReadAFederalOfficialNamedAloneAsTheAgency() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "Todd Blanche ordered federal prosecutors to charge local officials who obstruct immigration "
                        + "enforcement.");

        assertThat(found).singleElement().satisfies(position -> {
            assertThat(position.getActorId()).isEqualTo("US-DOJ");
            assertThat(position.getStance()).isEqualTo(Stance.PRESS);
        });
    }
}
