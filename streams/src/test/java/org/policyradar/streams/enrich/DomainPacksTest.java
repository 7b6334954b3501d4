package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

/** The domain packs: loading, the gate, what their positions carry, and that immigration reads as before. */
class DomainPacksTest {

    private static RuleSet allPacks;
    private static Enricher enricher;

    @TempDir
    Path dir;

    @BeforeAll
    static void rules() {
        allPacks = RuleSet.loadDefault();
        enricher = new Enricher(allPacks);
    }

    private static String stance(PolicyPosition p) {
        return p.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE).map(Evidence::getRule)
                .findFirst().orElse("");
    }

    @Test
    void shouldBundleImmigrationAndTheSevenOtherDomains() {
        assertThat(allPacks.domains()).containsExactly("IMMIGRATION", "CRIME_DEPLOYMENT", "EDUCATION",
                "TRANSGENDER_POLICY", "PUBLIC_HEALTH", "CLIMATE_ENERGY", "ELECTIONS", "TARIFFS_TRADE");
        assertThat(allPacks.packs()).allSatisfy(p -> assertThat(PolicyDomains.of(p.topic())).isEqualTo(p.domain()));
        assertThat(allPacks.packs()).allSatisfy(p -> assertThat(p.meaning()).containsKeys("PRESS", "RESIST", "ALIGN"));
    }

    @Test
    void shouldGiveAPackPositionThePacksTopicAndNameThePackInEveryRule() {
        List<PolicyPosition> positions = enricher.positionsOf(null,
                "Oregon's secretary of state refused to turn over the voter rolls to the Justice Department.");

        assertThat(positions).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getTopic()).isEqualTo(PolicyTopic.ELECTIONS);
            assertThat(p.getEvidence()).allSatisfy(e -> assertThat(e.getRule()).startsWith("elections:"));
        });
        assertThat(positions.get(0).getStance()).isEqualTo(Stance.RESIST);
        assertThat(positions.get(0).getJurisdiction().getCode()).isEqualTo("OR");
    }

    @Test
    void shouldLetNoPackReadAnItemWithoutAnyOfItsContextPhrases() {
        String text = "The governor said the state will not comply with the federal demand.";

        assertThat(allPacks.gate().packsFor(text)).isEmpty();
        assertThat(enricher.positionsOf(null, text)).isEmpty();
    }

    @Test
    void shouldKeepEveryGateClosedOnGenericWordsOfNews() {
        // generic words open no pack: a gate that opens on most news costs throughput (docs/packs.md, "The gate")
        String text = "The governor visited schools, thanked the troops and spoke about the election, the economy and the budget.";

        assertThat(allPacks.gate().packsFor(text)).isEmpty();
    }

    @Test
    void shouldOpenEachPackOnTheVocabularyOfItsDomain() {
        assertThat(openOn("The Pentagon federalized Oregon Guard members under Title 10.")).contains("CRIME_DEPLOYMENT");
        assertThat(openOn("The regents declined the higher education compact.")).containsExactly("EDUCATION");
        assertThat(openOn("The vaccine advisory committee changed the hepatitis B birth dose advice.")).containsExactly("PUBLIC_HEALTH");
        assertThat(openOn("Interior issued a stop-work order for Revolution Wind.")).containsExactly("CLIMATE_ENERGY");
        assertThat(openOn("The Civil Rights Division asked for the unredacted voter registration list.")).containsExactly("ELECTIONS");
        assertThat(openOn("New duties under Section 232 took effect on Friday.")).containsExactly("TARIFFS_TRADE");
        assertThat(openOn("The athletic association kept its policy on trans girls.")).containsExactly("TRANSGENDER_POLICY");
    }

    private List<String> openOn(String text) {
        return allPacks.gate().packsFor(text).stream().map(DomainPack::domain).toList();
    }

    @Test
    void shouldOpenOnlyThePacksWhoseContextPhrasesTheTextHas() {
        List<String> open = allPacks.gate().packsFor("California sued over the tariffs and the voter rolls demand.")
                .stream().map(DomainPack::domain).toList();

        assertThat(open).containsExactly("ELECTIONS", "TARIFFS_TRADE");
    }

    @Test
    void shouldLeaveANarrowerDomainItsItemsWhenABroaderOneYieldsToIt() {
        List<String> open = allPacks.gate().packsFor(
                "The Education Department threatened to cut federal grants over transgender athletes in girls' sports.")
                .stream().map(DomainPack::domain).toList();

        assertThat(open).containsExactly("TRANSGENDER_POLICY");
    }

    @Test
    void shouldFindTheSameImmigrationPositionsWithAndWithoutThePacks() throws IOException {
        Enricher immigrationOnly = new Enricher(RuleSet.loadDefault(List.of("IMMIGRATION")));
        List<String> lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("corpus/eval-news.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }

        for (String line : lines) {
            List<PolicyPosition> withPacks = enricher.positionsOf(null, line).stream()
                    .filter(p -> PolicyDomains.of(p.getTopic()).equals(PolicyDomains.IMMIGRATION)).toList();
            assertThat(withPacks).as(line).isEqualTo(immigrationOnly.positionsOf(null, line));
        }
    }

    @Test
    void shouldRunWithoutImmigrationWhenItIsNotSelected() {
        RuleSet electionsOnly = RuleSet.loadDefault(List.of("elections"));
        Enricher elections = new Enricher(electionsOnly);

        assertThat(electionsOnly.domains()).containsExactly("ELECTIONS");
        assertThat(electionsOnly.version()).endsWith(",-immigration").contains("elections@");
        assertThat(elections.positionsOf(null, "Chicago police will not help ICE agents with arrests.")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownDomainNamingTheKnownOnes() {
        assertThatThrownBy(() -> RuleSet.loadDefault(List.of("ASTROLOGY"))).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("ASTROLOGY").hasMessageContaining("ELECTIONS");
    }

    @Test
    void shouldRefuseAPackWhoseTopicBelongsToAnotherDomain() throws IOException {
        copyCoreRules();
        Files.createDirectories(dir.resolve("packs"));
        Files.writeString(dir.resolve("packs/packs.json"), "{\"packs\": [\"odd.json\"]}");
        Files.writeString(dir.resolve("packs/odd.json"), """
                {"domain": "ELECTIONS", "version": "2026.12.1", "topic": "EDUCATION", "context": ["ballots"]}
                """);

        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("packs/odd.json").hasMessageContaining("belongs to domain EDUCATION");
    }

    @Test
    void shouldRefuseAPackThatNoPhraseCanOpen() throws IOException {
        copyCoreRules();
        Files.createDirectories(dir.resolve("packs"));
        Files.writeString(dir.resolve("packs/packs.json"), "{\"packs\": [\"silent.json\"]}");
        Files.writeString(dir.resolve("packs/silent.json"), """
                {"domain": "ELECTIONS", "version": "2026.12.1", "topic": "ELECTIONS"}
                """);

        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("no context phrase");
    }

    @Test
    void shouldLetAPackClaimAPhraseOfTheCore() throws IOException {
        copyCoreRules();
        Files.createDirectories(dir.resolve("packs"));
        Files.writeString(dir.resolve("packs/packs.json"), "{\"packs\": [\"elections.json\"]}");
        // "sued" belongs to the core's lawsuit cue; here the pack reads it as a refusal of its own
        Files.writeString(dir.resolve("packs/elections.json"), """
                {"domain": "ELECTIONS", "version": "2026.12.9", "topic": "ELECTIONS", "context": ["voter rolls"],
                 "cues": [{"id": "own-sued", "kind": "OBSTRUCT", "phrases": ["sued"]}]}
                """);

        RuleSet rules = RuleSet.load(dir);
        List<PolicyPosition> positions = new Enricher(rules)
                .positionsOf(null, "The Oregon governor sued over the voter rolls.");

        assertThat(rules.version()).endsWith("+elections@2026.12.9");
        assertThat(positions).isNotEmpty();
        assertThat(stance(positions.get(0))).isEqualTo("elections:cue:own-sued");
    }

    private void copyCoreRules() throws IOException {
        for (String file : new String[] {RuleSet.ACTORS_FILE, RuleSet.PLACES_FILE, RuleSet.CUES_FILE}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
    }

    @Test
    void shouldAddTheSharedEntriesAfterAPacksOwnAndLetThePacksOwnWin() {
        RuleFiles.ActorDef ownGovernor = new RuleFiles.ActorDef("GOV-XX", "Governor of the pack", null, null, "MD",
                false, null, List.of("Pack Governor"), List.of());
        RuleFiles.ActorDef sharedGovernor = new RuleFiles.ActorDef("GOV-XX", "Governor shared", null, null, "MD",
                false, null, List.of("Shared Governor"), List.of());
        RuleFiles.ActorDef sharedMayor = new RuleFiles.ActorDef("MAYOR-XX", "Mayor shared", null, null, "MD",
                false, null, List.of("Shared Mayor"), List.of());
        RuleFiles.PackFile pack = new RuleFiles.PackFile("EDUCATION", "1", PolicyTopic.EDUCATION, List.of("DEI"),
                null, null, null, List.of(ownGovernor), null, null, null);

        RuleFiles.PackFile withShared = pack.withShared(
                new RuleFiles.SharedPackRules(List.of(sharedGovernor, sharedMayor), null, null));

        assertThat(withShared.actors()).containsExactly(ownGovernor, sharedMayor);
        assertThat(withShared.roles()).isEmpty();
        assertThat(withShared.context()).containsExactly("DEI");
    }

    @Test
    void shouldNotReadARequestThatThePresidentSendAgentsAsThePresidentsPressure() {
        List<PolicyPosition> found = enricher.positionsOf(null, "The mayor of Memphis said the city does not need "
                + "the National Guard. Instead, she is calling on President Trump to send more federal agents to Memphis.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MAYOR-US-TN-MEMPHIS", Stance.RESIST));
    }

    @Test
    void shouldKeepThePressureWhenTheFederalExecutiveOrdersAnotherFederalActorToSendTroops() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "President Trump ordered the Pentagon to send National Guard troops to Memphis.");

        assertThat(found).filteredOn(p -> p.getTopic() == PolicyTopic.CRIME_DEPLOYMENT)
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US-WH-POTUS", Stance.PRESS));
    }

    @Test
    void shouldReadEveryFormOfEndingFluoridationAsAlignment() {
        assertThat(enricher.positionsOf(null, "The Utah health department is ending fluoridation of public water "
                + "systems.")).extracting(PolicyPosition::getTopic, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyTopic.PUBLIC_HEALTH, Stance.ALIGN));
    }

    @Test
    void shouldReadNoPresidentInTheHeadOfAUniversity() {
        assertThat(enricher.positionsOf(null, "Princeton's president rejected the compact, saying it would "
                + "restrict academic freedom.")).isEmpty();
        assertThat(enricher.positionsOf(null, "The president of Brown University said the federal demands "
                + "would restrict academic freedom.")).isEmpty();
    }

    @Test
    void shouldKeepThePresidentWhenTheTitleNamesTheCountry() {
        assertThat(enricher.positionsOf(null, "On Tuesday President Trump signed an executive order barring "
                + "transgender athletes from girls' sports.")).extracting(PolicyPosition::getActorId,
                PolicyPosition::getStance).containsExactly(org.assertj.core.groups.Tuple.tuple("US-WH-POTUS",
                Stance.PRESS));
    }

    @Test
    void shouldReadAPrivateUniversityNamedAfterAPlaceAsNoGovernment() {
        assertThat(enricher.positionsOf(null, "The University of Chicago rejected the compact, citing academic "
                + "freedom.")).isEmpty();
        assertThat(enricher.positionsOf(null, "Boston University refused to sign the administration's higher "
                + "education compact.")).isEmpty();
    }

    @Test
    void shouldReadAStatesOwnDepartmentAsTheState() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "The Maine Department of Education refused to sign the federal assurance.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOVT-ME", Stance.RESIST));
    }

    @Test
    void shouldNotReadFormerOfficialsOrAnUnaimedWarningAsTheAgencysPressure() {
        assertThat(enricher.positionsOf(null, "Former CDC officials warned that the new vaccine schedule would "
                + "leave children unprotected.")).noneMatch(p -> p.getStance() == Stance.PRESS);
        assertThat(enricher.positionsOf(null, "The CDC warned that the new strain spreads faster among "
                + "children.")).noneMatch(p -> p.getStance() == Stance.PRESS);
        assertThat(enricher.positionsOf(null, "HHS warned states that they could lose public health grants if "
                + "they keep COVID vaccine mandates.")).extracting(PolicyPosition::getStance)
                .containsExactly(Stance.PRESS);
    }

    @Test
    void shouldAimAFederalActionAtTheStateOrLocalBodyItNames() {
        List<PolicyPosition> found = enricher.positionsOf(null, "The Education Department opened a Title VI "
                + "investigation into Chicago Public Schools over a program for Black students.");

        assertThat(found).extracting(PolicyPosition::getStance).containsExactly(Stance.PRESS);
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("US-IL-CHICAGO");
    }

    @Test
    void shouldReadALawsuitAgainstTheAdministrationOverTransgenderPolicyAsThePlaintiffs() {
        assertThat(enricher.positionsOf(null, "Minnesota sued the Trump administration over its order on "
                + "transgender athletes.")).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOVT-MN", Stance.RESIST));
        assertThat(enricher.positionsOf(null, "Civil liberties groups sued the administration over the passport "
                + "policy on behalf of transgender travelers.")).isEmpty();
    }

    @Test
    void shouldNotTakePeopleAtAUniversityForTheUniversity() {
        assertThat(enricher.positionsOf(null, "Students at the University of Texas sued to block the DEI ban."))
                .isEmpty();
    }

    @Test
    void shouldReadTheDemandsAPrivateUniversityRejectsAsAMentionOnly() {
        assertThat(enricher.positionsOf(null, "Columbia rejected the administration's demands over antisemitism "
                + "on campus.")).noneMatch(p -> p.getStance() == Stance.PRESS);
    }

    @Test
    void shouldReadATariffRateAsTheActionAndGoodsFromAbroadAsNationwide() {
        List<PolicyPosition> found = enricher.positionsOf(null,
                "Trump imposed 25 percent tariffs on goods from Canada and Mexico.");

        assertThat(found).extracting(PolicyPosition::getTopic, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyTopic.TARIFFS_TRADE, Stance.PRESS));
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("US");
    }

    @Test
    void shouldReadFightingADiseaseOrAProblemAsAPurposeNotResistance() {
        assertThat(enricher.positionsOf(null, "The University of Michigan said it would fight antisemitism on "
                + "campus with a new task force.")).isEmpty();
        assertThat(enricher.positionsOf(null, "New York's health commissioner asked for more federal money to "
                + "fight the measles outbreak.")).isEmpty();
    }

    @Test
    void shouldReadPraiseForADecisionAsNoAlignment() {
        assertThat(enricher.positionsOf(null, "The Michigan secretary of state praised the decision on the voter "
                + "rolls, calling it a win for voters.")).isEmpty();
    }

    @Test
    void shouldReadAStatesAppealOfAFederalOrderAsResistanceAndAPleaAsNothing() {
        assertThat(enricher.positionsOf(null, "Michigan's attorney general appealed the Energy Department's order "
                + "keeping a coal plant open.")).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AG-MI", Stance.RESIST));
        assertThat(enricher.positionsOf(null, "The Michigan governor appealed to residents to conserve power while "
                + "the coal plant stays open.")).noneMatch(p -> p.getStance() == Stance.RESIST);
    }

    @Test
    void shouldReadAStatesHealthSecretaryAsTheStateNotHhs() {
        assertThat(enricher.positionsOf(null, "New Mexico's health secretary signed an order letting pharmacists "
                + "give COVID shots without a prescription, sidestepping the new federal limits."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOVT-NM", Stance.RESIST));
    }

    @Test
    void shouldReadAStateGoingItsOwnWayInsteadOfFollowingTheCdcAsResistance() {
        assertThat(enricher.positionsOf(null, "Newsom signs a law letting California set its own vaccine standards "
                + "instead of following the CDC.")).extracting(PolicyPosition::getStance)
                .containsExactly(Stance.RESIST);
        assertThat(enricher.positionsOf(null, "Vermont's health department said it would continue to follow "
                + "pediatricians' guidance rather than the revised CDC schedule.")).extracting(PolicyPosition::getStance)
                .containsExactly(Stance.RESIST);
    }

    @Test
    void shouldReadAStatesOwnEndOfVaccineMandatesAsNoAlignment() {
        // no federal policy asks states to drop school vaccine requirements: a state's own initiative
        assertThat(enricher.positionsOf(null, "Florida will end all vaccine mandates, including those for "
                + "schoolchildren, Surgeon General Joseph Ladapo announced.")).isEmpty();
    }

    @Test
    void shouldReadTheMilitarysOwnPersonnelRulesAsAimedAtNoState() {
        assertThat(enricher.positionsOf(null, "Defense Secretary Pete Hegseth ordered transgender service members "
                + "out of the military.")).isNotEmpty().allMatch(p -> p.getStance() == Stance.NEUTRAL);
    }

    @Test
    void shouldReadAPublicUniversityHospitalEndingCareAsAlignmentAndAPrivateOneAsNothing() {
        assertThat(enricher.positionsOf(null, "University of Michigan Health ended gender-affirming care for patients "
                + "under 19, citing the administration's actions.")).extracting(PolicyPosition::getActorId,
                PolicyPosition::getStance).containsExactly(org.assertj.core.groups.Tuple.tuple("UNIV-MI-UM", Stance.ALIGN));
        assertThat(enricher.positionsOf(null, "Children's Hospital Los Angeles said it will stop providing "
                + "gender-affirming care to minors, citing federal pressure.")).isEmpty();
    }

    @Test
    void shouldNotReadAnAssociationAFormerHeadOrMembersOfCongressAsGovernment() {
        assertThat(enricher.positionsOf(null, "The American Council on Education, which represents college "
                + "presidents, condemned the compact.")).isEmpty();
        assertThat(enricher.positionsOf(null, "In an op-ed, a former president of the University of Michigan said "
                + "universities must resist federal pressure on DEI.")).isEmpty();
        assertThat(enricher.positionsOf(null, "Illinois Democrats in Congress wrote to the Pentagon demanding answers "
                + "about the National Guard troops.")).noneMatch(p -> p.getTopic() == PolicyTopic.CRIME_DEPLOYMENT);
    }

    @Test
    void shouldReadAThreatToSueAsResistance() {
        assertThat(enricher.positionsOf(null, "Newsom vows to sue over the UCLA demand, calling it extortion."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-CA", Stance.RESIST));
    }

    @Test
    void shouldReadNoPresidentOrStateInAStudentBodyOrANewsOutlet() {
        assertThat(enricher.positionsOf(null, "The president of the student government said the $1 billion demand "
                + "was unfair.")).isEmpty();
        assertThat(enricher.positionsOf(null, "The New York Civil Liberties Union said it would fight the "
                + "certification in court.")).isEmpty();
    }

    @Test
    void shouldGiveNoEducationSideToAFightBetweenAStateAndItsOwnDistricts() {
        assertThat(enricher.positionsOf(null, "Several Texas school districts sued the state over the new law requiring "
                + "the Ten Commandments in classrooms.")).isEmpty();
        assertThat(enricher.positionsOf(null, "The University of Texas closed its diversity office to comply with the "
                + "new state law.")).isEmpty();
        // with the federal side named, the same kind of refusal resists
        assertThat(enricher.positionsOf(null, "Maryland's state superintendent said Maryland schools will not certify "
                + "the anti-DEI pledge.")).extracting(PolicyPosition::getStance).containsExactly(Stance.RESIST);
    }

    @Test
    void shouldReadAGovernorsPushbackInAHeadlineAsResistanceAndTheThreatSheAnswersAsAMention() {
        assertThat(enricher.positionsOf(null, "Mills slams Trump's threat to withhold funding over transgender "
                + "athletes.")).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-ME", Stance.RESIST));
    }

    @Test
    void shouldKeepTheStanceOfACuePhraseThatAContextPhraseContains() {
        // the longest phrase wins a match: "deploy troops" and "voter registration lists" are gate phrases too
        assertThat(enricher.positionsOf(null, "Trump will deploy troops to Chicago to fight crime, the White House "
                + "said.")).filteredOn(p -> p.getTopic() == PolicyTopic.CRIME_DEPLOYMENT)
                .extracting(PolicyPosition::getStance).containsExactly(Stance.PRESS);
        assertThat(enricher.positionsOf(null, "The Justice Department requested voter registration lists from Maine's "
                + "secretary of state.")).extracting(PolicyPosition::getTopic, PolicyPosition::getStance)
                .contains(org.assertj.core.groups.Tuple.tuple(PolicyTopic.ELECTIONS, Stance.PRESS));
        assertThat(enricher.positionsOf(null, "Trump administration cuts $11 billion in COVID-era public health grants "
                + "to states.")).extracting(PolicyPosition::getStance).containsExactly(Stance.PRESS);
    }

    @Test
    void shouldReadDefendingASettlementAsAlignmentAndDecliningTheCompactAsARefusal() {
        // "protect students" is the purpose of the deal, not resistance; "sign the compact" inside a refusal is none
        assertThat(enricher.positionsOf(null, "University of Michigan officials defended the agreement with the "
                + "Justice Department over DEI as the best way to protect students."))
                .extracting(PolicyPosition::getStance).containsExactly(Stance.ALIGN);
        assertThat(enricher.positionsOf(null, "The University of Washington declined to sign the compact, its "
                + "president said.")).extracting(PolicyPosition::getStance).containsExactly(Stance.RESIST);
    }
}
