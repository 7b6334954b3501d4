package org.policyradar.streams.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.RuleSet;

class ConflictRulesTest {

    private static final Instant T1 = Instant.parse("2026-01-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-28T09:30:00Z");
    private static final Jurisdiction US = jurisdiction("US", JurisdictionKind.NATIONWIDE, "United States (nationwide)", null);
    private static final Jurisdiction NYC = jurisdiction("US-NY-NEW_YORK_CITY", JurisdictionKind.CITY, "New York City, NY", "NY");
    private static final Jurisdiction NY = jurisdiction("NY", JurisdictionKind.STATE, "New York", "NY");
    private static final Jurisdiction CHICAGO = jurisdiction("US-IL-CHICAGO", JurisdictionKind.CITY, "Chicago, IL", "IL");
    private static final Jurisdiction COOK = jurisdiction("US-IL-COOK_COUNTY", JurisdictionKind.COUNTY, "Cook County, IL", "IL");
    private static final Jurisdiction MEXICO = jurisdiction("MEX", JurisdictionKind.FOREIGN, "Mexico", null);

    private final ConflictRules rules = new ConflictRules("2026.11.1");

    private static Jurisdiction jurisdiction(String code, JurisdictionKind kind, String name, String state) {
        return Jurisdiction.newBuilder().setCode(code).setKind(kind).setName(name).setState(state).build();
    }

    private static PolicyPosition aPosition(String actor, GovernmentLevel level, Stance stance, Jurisdiction where,
                                            PolicyTopic topic, String phrase) {
        return PolicyPosition.newBuilder().setActorId(actor).setActorName(actor).setLevel(level)
                .setBranch(GovernmentBranch.EXECUTIVE).setJurisdiction(where).setTopic(topic).setStance(stance)
                .setInstrument(Instrument.MEMO).setConfidence(0.8)
                .setEvidence(List.of(Evidence.newBuilder().setField(EvidenceField.STANCE).setPhrase(phrase)
                        .setStart(0).setEnd(phrase.length()).build()))
                .build();
    }

    private static PolicyPosition doj(Jurisdiction where) {
        return aPosition("US-DOJ", GovernmentLevel.FEDERAL, Stance.PRESS, where, PolicyTopic.COOPERATION, "directing");
    }

    private static PolicyPosition nypd(Stance stance) {
        return aPosition("NYPD", GovernmentLevel.LOCAL, stance, NYC, PolicyTopic.COOPERATION, "not assist");
    }

    private static EnrichedNewsItem anItem(String id, String story, Instant at, PolicyPosition... positions) {
        return EnrichedNewsItem.newBuilder().setItemId(id).setStoryId(story).setSource("test").setText("text of " + id)
                .setPublishedAt(at).setPositions(List.of(positions)).setRuleVersion("2026.11.1").build();
    }

    @Test
    void shouldPairANationwideFederalPressWithALocalResistance() {
        List<PolicyConflict> conflicts = rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, nypd(Stance.RESIST)));
        assertThat(conflicts).hasSize(1);
        PolicyConflict c = conflicts.get(0);
        assertThat(c.getTopic()).isEqualTo(PolicyTopic.COOPERATION);
        assertThat(c.getPressing().getItemId()).isEqualTo("a");
        assertThat(c.getResisting().getItemId()).isEqualTo("b");
        assertThat(c.getScore()).isBetween(0.0, 1.0);
        assertThat(c.getFirstSeen()).isEqualTo(T2);
        assertThat(c.getLastSeen()).isEqualTo(T2);
        assertThat(c.getArticleIds()).containsExactly("a", "b");
        assertThat(c.getEvidenceCount()).isEqualTo(2);
        assertThat(c.getRuleVersion()).isEqualTo("2026.11.1");
        assertThat(c.getExplanation()).isEqualTo("US-DOJ (FEDERAL) presses on COOPERATION nationwide ('directing') "
                + "while NYPD (LOCAL) resists in New York City, NY ('not assist').");
        assertThat(c.getConflictId()).isEqualTo(ConflictRules.conflictId(PolicyTopic.COOPERATION, "s1", "s2"));
    }

    @Test
    void shouldGiveTheSameConflictInBothArgumentOrders() {
        EnrichedNewsItem press = anItem("a", "s1", T1, doj(US));
        EnrichedNewsItem resist = anItem("b", "s2", T2, nypd(Stance.RESIST));
        assertThat(rules.match(resist, press)).isEqualTo(rules.match(press, resist));
    }

    @Test
    void shouldKeepConflictIdsStableAndDistinct() {
        String id = ConflictRules.conflictId(PolicyTopic.COOPERATION, "s1", "s2");
        assertThat(id).isEqualTo(ConflictRules.conflictId(PolicyTopic.COOPERATION, "s1", "s2"));
        assertThat(id).isNotEqualTo(ConflictRules.conflictId(PolicyTopic.COOPERATION, "s2", "s1"))
                .isNotEqualTo(ConflictRules.conflictId(PolicyTopic.BORDER, "s1", "s2"));
    }

    @Test
    void shouldKeepImmigrationConflictIdsAndPutTheDomainInThePacksIds() throws Exception {
        // the key of an immigration conflict is what it was before the packs: topic|pressing|resisting
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("COOPERATION|s1|s2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ConflictRules.conflictId(PolicyTopic.COOPERATION, "s1", "s2"))
                .isEqualTo("conflict-" + java.util.HexFormat.of().formatHex(digest).substring(0, 32));

        byte[] elections = java.security.MessageDigest.getInstance("SHA-256")
                .digest("ELECTIONS|ELECTIONS|s1|s2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ConflictRules.conflictId(PolicyTopic.ELECTIONS, "s1", "s2"))
                .isEqualTo("conflict-" + java.util.HexFormat.of().formatHex(elections).substring(0, 32))
                .isNotEqualTo(ConflictRules.conflictId(PolicyTopic.EDUCATION, "s1", "s2"));
    }

    @Test
    void shouldNotPairAlignOrNeutralPositions() {
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, nypd(Stance.ALIGN)))).isEmpty();
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, nypd(Stance.NEUTRAL)))).isEmpty();
    }

    @Test
    void shouldNotPairTwoFederalOrTwoLocalPositions() {
        PolicyPosition dhs = aPosition("US-DHS", GovernmentLevel.FEDERAL, Stance.PRESS, US, PolicyTopic.COOPERATION, "x");
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, dhs))).isEmpty();
        PolicyPosition federalResist = aPosition("US-DHS", GovernmentLevel.FEDERAL, Stance.RESIST, US,
                PolicyTopic.COOPERATION, "x");
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, federalResist))).isEmpty();
        PolicyPosition localPress = aPosition("MAYOR-X", GovernmentLevel.LOCAL, Stance.PRESS, NYC,
                PolicyTopic.COOPERATION, "x");
        assertThat(rules.match(anItem("a", "s1", T1, localPress), anItem("b", "s2", T2, nypd(Stance.RESIST)))).isEmpty();
    }

    @Test
    void shouldNotPairDifferentTopics() {
        PolicyPosition border = aPosition("US-DHS", GovernmentLevel.FEDERAL, Stance.PRESS, US, PolicyTopic.BORDER, "x");
        assertThat(rules.match(anItem("a", "s1", T1, border), anItem("b", "s2", T2, nypd(Stance.RESIST)))).isEmpty();
    }

    @Test
    void shouldNotLetAForeignGovernmentResist() {
        PolicyPosition mexico = aPosition("GOVT-MEX", GovernmentLevel.FOREIGN, Stance.RESIST, MEXICO,
                PolicyTopic.COOPERATION, "refuses");
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, mexico))).isEmpty();
    }

    @Test
    void shouldNotPairJudicialActors() {
        PolicyPosition court = PolicyPosition.newBuilder(nypd(Stance.RESIST)).setBranch(GovernmentBranch.JUDICIAL).build();
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s2", T2, court))).isEmpty();
        PolicyPosition federalCourt = PolicyPosition.newBuilder(doj(US)).setBranch(GovernmentBranch.JUDICIAL).build();
        assertThat(rules.match(anItem("a", "s1", T1, federalCourt), anItem("b", "s2", T2, nypd(Stance.RESIST)))).isEmpty();
    }

    @Test
    void shouldOnlyPairDifferentStories() {
        assertThat(rules.match(anItem("a", "s1", T1, doj(US)), anItem("b", "s1", T2, nypd(Stance.RESIST)))).isEmpty();
    }

    @Test
    void shouldPairATargetedPressOnlyWhereItApplies() {
        assertThat(rules.match(anItem("a", "s1", T1, doj(NYC)), anItem("b", "s2", T2, nypd(Stance.RESIST)))).hasSize(1);
        assertThat(rules.match(anItem("a", "s1", T1, doj(NY)), anItem("b", "s2", T2, nypd(Stance.RESIST)))).hasSize(1);
        assertThat(rules.match(anItem("a", "s1", T1, doj(CHICAGO)), anItem("b", "s2", T2, nypd(Stance.RESIST)))).isEmpty();
        PolicyPosition stateResist = aPosition("GOV-NY", GovernmentLevel.STATE, Stance.RESIST, NY, PolicyTopic.COOPERATION, "x");
        assertThat(rules.match(anItem("a", "s1", T1, doj(NYC)), anItem("b", "s2", T2, stateResist))).isEmpty();
    }

    @Test
    void shouldPairAPressOnACountyWithAResistanceInOneOfItsCitiesWhenTheRulesKnowThePlaces() {
        ConflictRules withPlaces = new ConflictRules(RuleSet.loadDefault());
        PolicyPosition chicagoPolice = aPosition("POLICE-US-IL-CHICAGO", GovernmentLevel.LOCAL, Stance.RESIST, CHICAGO,
                PolicyTopic.COOPERATION, "x");
        PolicyPosition cookSheriff = aPosition("SHERIFF-US-IL-COOK_COUNTY", GovernmentLevel.LOCAL, Stance.RESIST, COOK,
                PolicyTopic.COOPERATION, "x");
        assertThat(withPlaces.match(anItem("a", "s1", T1, doj(COOK)), anItem("b", "s2", T2, chicagoPolice))).hasSize(1);
        assertThat(withPlaces.match(anItem("a", "s1", T1, doj(CHICAGO)), anItem("b", "s2", T2, cookSheriff))).isEmpty();
        assertThat(rules.match(anItem("a", "s1", T1, doj(COOK)), anItem("b", "s2", T2, chicagoPolice))).isEmpty();
    }

    @Test
    void shouldReturnOneConflictPerTopicChoosingTheBestPair() {
        PolicyPosition weak = PolicyPosition.newBuilder(doj(US)).setActorId("US-DHS").setConfidence(0.5).build();
        PolicyPosition schools = aPosition("NYPD", GovernmentLevel.LOCAL, Stance.RESIST, NYC,
                PolicyTopic.SENSITIVE_LOCATIONS, "x");
        PolicyPosition dojSchools = aPosition("US-DOJ", GovernmentLevel.FEDERAL, Stance.PRESS, US,
                PolicyTopic.SENSITIVE_LOCATIONS, "x");
        List<PolicyConflict> conflicts = rules.match(anItem("a", "s1", T1, weak, doj(NYC), dojSchools),
                anItem("b", "s2", T2, nypd(Stance.RESIST), schools));
        assertThat(conflicts).extracting(PolicyConflict::getTopic)
                .containsExactly(PolicyTopic.COOPERATION, PolicyTopic.SENSITIVE_LOCATIONS);
        assertThat(conflicts.get(0).getPressing().getPosition().getJurisdiction().getCode()).isEqualTo("US-NY-NEW_YORK_CITY");
    }
}
