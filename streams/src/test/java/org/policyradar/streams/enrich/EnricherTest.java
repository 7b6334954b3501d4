package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

class EnricherTest {

    private static Enricher enricher;

    @BeforeAll
    static void rules() {
        enricher = new Enricher(RuleSet.loadDefault());
    }

    private static List<PolicyPosition> positions(String text) {
        return enricher.positionsOf(null, text);
    }

    private static PolicyPosition only(String text) {
        List<PolicyPosition> positions = positions(text);
        assertThat(positions).as("positions of: %s", text).isNotEmpty();
        assertThat(positions.stream().map(PolicyPosition::getActorId).distinct()).as("one actor").hasSize(1);
        return positions.get(0);
    }

    @Test
    void shouldReadAnNypdMemoAsLocalResistanceInNewYorkCity() {
        PolicyPosition p = only("An internal NYPD memo reminds officers not to assist federal immigration enforcement.");
        assertThat(p.getActorId()).isEqualTo("NYPD");
        assertThat(p.getLevel()).isEqualTo(GovernmentLevel.LOCAL);
        assertThat(p.getJurisdiction().getName()).isEqualTo("New York City, NY");
        assertThat(p.getTopic()).isEqualTo(PolicyTopic.COOPERATION);
        assertThat(p.getStance()).isEqualTo(Stance.RESIST);
        assertThat(p.getInstrument()).isEqualTo(Instrument.MEMO);
        assertThat(p.getConfidence()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldPointEveryEvidenceAtItsPhraseInTheText() {
        String text = "Law enforcement agencies in Stockton said they would not help ICE with raids in the area.";
        for (PolicyPosition p : positions(text)) {
            for (Evidence e : p.getEvidence()) {
                assertThat(text.substring(e.getStart(), e.getEnd())).isEqualTo(e.getPhrase());
            }
            assertThat(p.getEvidence()).extracting(Evidence::getField)
                    .contains(EvidenceField.ACTOR, EvidenceField.LEVEL, EvidenceField.JURISDICTION,
                            EvidenceField.TOPIC, EvidenceField.STANCE);
        }
        PolicyPosition p = only(text);
        assertThat(stancePhrase(p)).isEqualTo("would not help");
    }

    @Test
    void shouldPointEvidenceIntoTheHeadlineAndTextTogether() {
        String headline = "Denver mayor defies ICE";
        String text = "Denver will not honor ICE detainers, the mayor said.";
        String analysed = Enricher.analysedText(headline, text);
        assertThat(analysed).isEqualTo(headline + "\n" + text);
        for (PolicyPosition p : enricher.positionsOf(headline, text)) {
            for (Evidence e : p.getEvidence()) {
                assertThat(analysed.substring(e.getStart(), e.getEnd())).isEqualTo(e.getPhrase());
            }
        }
    }

    @Test
    void shouldResolveFederalActorsInTheirCommonForms() {
        assertThat(only("The Justice Department is directing prosecutors to charge officials who obstruct ICE.")
                .getActorId()).isEqualTo("US-DOJ");
        assertThat(only("DHS announced it was rescinding protections for sensitive locations.").getActorId())
                .isEqualTo("US-DHS");
        assertThat(only("Border Patrol agents launched a surge of arrests in Charlotte.").getActorId())
                .isEqualTo("US-DHS-CBP-USBP");
        assertThat(only("The Pentagon said it will send more troops to the southern border.").getActorId())
                .isEqualTo("US-DOD");
        PolicyPosition ag = only("The attorney general warned sanctuary cities they could lose federal funding.");
        assertThat(ag.getActorId()).isEqualTo("US-DOJ-AG");
        assertThat(ag.getLevel()).isEqualTo(GovernmentLevel.FEDERAL);
    }

    @Test
    void shouldResolveStateAndLocalActorsByTheirPlace() {
        PolicyPosition governor = only("California Gov. Gavin Newsom said state agencies will not share data with ICE.");
        assertThat(governor.getActorId()).isEqualTo("GOV-CA");
        assertThat(governor.getLevel()).isEqualTo(GovernmentLevel.STATE);
        PolicyPosition stateAg = only("Illinois Attorney General Kwame Raoul sued the Trump administration over the deployment of troops.");
        assertThat(stateAg.getActorId()).isEqualTo("AG-IL");
        PolicyPosition sheriff = only("The Cook County sheriff will not hold inmates for ICE.");
        assertThat(sheriff.getActorId()).isEqualTo("SHERIFF-US-IL-COOK_COUNTY");
        assertThat(sheriff.getJurisdiction().getKind()).isEqualTo(JurisdictionKind.COUNTY);
        PolicyPosition police = only("Chicago police will not help immigration agents with arrests.");
        assertThat(police.getActorId()).isEqualTo("POLICE-US-IL-CHICAGO");
        assertThat(police.getJurisdiction().getCode()).isEqualTo("US-IL-CHICAGO");
    }

    @Test
    void shouldResolvePlaceNamesNicknamesAndAbbreviations() {
        assertThat(only("Top law enforcement officials in the Twin Cities are pushing back against Trump's immigration policies.")
                .getJurisdiction().getCode()).isEqualTo("US-MN-MINNEAPOLIS_SAINT_PAUL");
        assertThat(only("Police in the five boroughs were told not to assist immigration agents.")
                .getJurisdiction().getName()).isEqualTo("New York City, NY");
        PolicyPosition ny = only("Officials in Albany, N.Y., said state police would not cooperate with ICE.");
        assertThat(ny.getJurisdiction().getState()).isEqualTo("NY");
        assertThat(only("The mayor of Stockton, CA said the city would not help ICE.").getJurisdiction().getCode())
                .isEqualTo("US-CA-STOCKTON");
    }

    @Test
    void shouldNeverLetAForeignGovernmentResist() {
        assertThat(positions("Mexico's government refuses to accept deportation flights from the United States."))
                .noneMatch(p -> p.getStance() == Stance.RESIST || p.getStance() == Stance.PRESS);
        assertThat(positions("Mexican officials said they would not cooperate with ICE on deportations."))
                .noneMatch(p -> p.getStance() == Stance.RESIST);
    }

    @Test
    void shouldReadNegatedCooperationAsResistance() {
        assertThat(only("Denver will not honor ICE detainers.").getStance()).isEqualTo(Stance.RESIST);
        assertThat(only("The county sheriff won't help ICE with arrests.").getStance()).isEqualTo(Stance.RESIST);
        assertThat(only("The Dallas County sheriff declined to honor detainers from ICE.").getStance())
                .isEqualTo(Stance.RESIST);
        assertThat(only("Boston police reminded officers not to assist federal immigration agents.").getStance())
                .isEqualTo(Stance.RESIST);
        assertThat(only("Seattle officials are pushing back against the Trump administration's deportation plans.")
                .getStance()).isEqualTo(Stance.RESIST);
    }

    @Test
    void shouldReadNegatedObstructionAndAgreementsAsAlignment() {
        assertThat(only("Tennessee's governor said the state will not stand in the way of ICE.").getStance())
                .isEqualTo(Stance.ALIGN);
        assertThat(only("The Tarrant County sheriff agreed to cooperate with ICE.").getStance()).isEqualTo(Stance.ALIGN);
        assertThat(only("The Nassau County police department signed a 287(g) agreement with ICE.").getStance())
                .isEqualTo(Stance.ALIGN);
        assertThat(only("Oklahoma's governor said state troopers will not obstruct federal immigration agents.")
                .getStance()).isEqualTo(Stance.ALIGN);
    }

    @Test
    void shouldReadPassiveAndReportedSpeech() {
        PolicyPosition usao = only("U.S. attorneys' offices were told to investigate any official who defies federal "
                + "immigration enforcement efforts.");
        assertThat(usao.getActorId()).isEqualTo("US-DOJ-USAO");
        assertThat(usao.getStance()).isEqualTo(Stance.PRESS);
        assertThat(usao.getJurisdiction().getKind()).isEqualTo(JurisdictionKind.NATIONWIDE);
        PolicyPosition houston = only("Officers in the Houston Police Department were told not to ask people about "
                + "their immigration status.");
        assertThat(houston.getStance()).isEqualTo(Stance.RESIST);
        assertThat(houston.getJurisdiction().getCode()).isEqualTo("US-TX-HOUSTON");
    }

    @Test
    void shouldScopeAGenericFederalThreatNationwideAndATargetedActionToItsPlace() {
        PolicyPosition generic = only("The Justice Department is directing prosecutors to investigate any state or "
                + "local officials who stand in the way of immigration enforcement.");
        assertThat(generic.getStance()).isEqualTo(Stance.PRESS);
        assertThat(generic.getJurisdiction().getCode()).isEqualTo("US");
        List<PolicyPosition> suit = positions("The Justice Department sued Illinois over its sanctuary law.");
        assertThat(suit).extracting(p -> p.getJurisdiction().getCode()).containsExactly("IL");
        assertThat(suit.get(0).getInstrument()).isEqualTo(Instrument.LAWSUIT);
        PolicyPosition surge = only("ICE launched an enforcement surge in Chicago this week.");
        assertThat(surge.getJurisdiction().getCode()).isEqualTo("US-IL-CHICAGO");
        assertThat(surge.getInstrument()).isEqualTo(Instrument.OPERATION);
    }

    @Test
    void shouldImplyAFederalActorForAThreatToStateAndLocalOfficials() {
        PolicyPosition memo = only("A memo asserts that state and local officials are bound to cooperate and could "
                + "face criminal prosecution if they fail to comply.");
        assertThat(memo.getLevel()).isEqualTo(GovernmentLevel.FEDERAL);
        assertThat(memo.getStance()).isEqualTo(Stance.PRESS);
        assertThat(memo.getInstrument()).isEqualTo(Instrument.MEMO);
    }

    @Test
    void shouldTreatAStateSuingTheFederalGovernmentAsResistance() {
        PolicyPosition suit = only("New Jersey sued the Trump administration over its birthright citizenship order.");
        assertThat(suit.getLevel()).isEqualTo(GovernmentLevel.STATE);
        assertThat(suit.getStance()).isEqualTo(Stance.RESIST);
        assertThat(suit.getTopic()).isEqualTo(PolicyTopic.BIRTHRIGHT_CITIZENSHIP);
    }

    @Test
    void shouldFindEveryTopicAndSeveralPerItem() {
        assertThat(positions("The president's directives involve the military in domestic operations and end the "
                + "constitutional guarantee of birthright citizenship."))
                .extracting(PolicyPosition::getTopic)
                .contains(PolicyTopic.MILITARY_DEPLOYMENT, PolicyTopic.BIRTHRIGHT_CITIZENSHIP);
        assertThat(only("President Trump signed executive orders aimed at shutting down the southern border.")
                .getTopic()).isEqualTo(PolicyTopic.BORDER);
        assertThat(positions("DHS said agents may again make arrests at schools and churches."))
                .extracting(PolicyPosition::getTopic).contains(PolicyTopic.SENSITIVE_LOCATIONS);
    }

    @Test
    void shouldReadCourtsAsJudicialAndNeverAsASide() {
        PolicyPosition ruling = only("A federal judge in Seattle blocked Trump's executive order on birthright citizenship.");
        assertThat(ruling.getBranch()).isEqualTo(GovernmentBranch.JUDICIAL);
        assertThat(ruling.getStance()).isEqualTo(Stance.NEUTRAL);
        assertThat(ruling.getInstrument()).isEqualTo(Instrument.RULING);
    }

    @Test
    void shouldFindNoPositionInStatisticsOrUnrelatedNews() {
        assertThat(positions("ICE arrests rose 40 percent last year, according to agency data."))
                .allMatch(p -> p.getStance() == Stance.NEUTRAL);
        assertThat(positions("Chicago police arrested two men after a shooting on Saturday.")).isEmpty();
        assertThat(positions("The Justice Department sued Google over its advertising business.")).isEmpty();
        assertThat(positions("")).isEmpty();
    }

    @Test
    void shouldGiveTheSameOutputForTheSameInput() {
        String text = "The Justice Department sued Illinois and Chicago, while Chicago's mayor vowed to fight ICE.";
        assertThat(positions(text)).isEqualTo(positions(text));
        assertThat(new Enricher(RuleSet.loadDefault()).positionsOf(null, text)).isEqualTo(positions(text));
    }

    private static String stancePhrase(PolicyPosition p) {
        return p.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE).findFirst()
                .map(Evidence::getPhrase).orElseThrow();
    }
}
