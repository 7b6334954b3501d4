package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.Stance;

/**
 * The forms real news reports positions in, in the team's own sentences: several actors in one lead, reported
 * accusations, nominal mentions in background clauses, officials by title and place, state and local
 * cooperation, and statements that take no side. These are the immigration rules' forms, so the packs are off
 * (DomainPacksTest checks that they leave immigration positions as they are).
 */
class RealNewsPatternsTest {

    private static Enricher enricher;

    @BeforeAll
    static void rules() {
        enricher = new Enricher(RuleSet.loadDefault(List.of(PolicyDomains.IMMIGRATION)));
    }

    private static List<PolicyPosition> positions(String text) {
        return enricher.positionsOf(null, text);
    }

    private static List<Stance> stances(String text) {
        return positions(text).stream().map(PolicyPosition::getStance).distinct().toList();
    }

    private static String stancePhrase(PolicyPosition position) {
        return position.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE)
                .map(Evidence::getPhrase).findFirst().orElse(null);
    }

    @Test
    void shouldGiveAPlacesDecisionToEndCooperationToThatPlace() {
        assertThat(positions("Phoenix's decision to end its cooperation agreement with ICE angered the sheriff."))
                .singleElement().satisfies(position -> {
                    assertThat(position.getStance()).isEqualTo(Stance.RESIST);
                    assertThat(position.getActorId()).isEqualTo("GOVT-US-AZ-PHOENIX");
                });
    }

    @Test
    void shouldResolveAnUnlistedCountyAfterTheTitleWithOf() {
        assertThat(positions("The sheriff of Bristol County in Massachusetts said deputies will keep honoring ICE "
                + "detainers.")).singleElement().satisfies(position -> {
                    assertThat(position.getStance()).isEqualTo(Stance.ALIGN);
                    assertThat(position.getJurisdiction().getCode()).isEqualTo("US-MA-BRISTOL_COUNTY");
                    assertThat(position.getJurisdiction().getKind()).isEqualTo(JurisdictionKind.COUNTY);
                });
    }

    @Test
    void shouldTakeNoStanceOfAnOfficialWhomACourtOrders() {
        assertThat(stances("The Lake County sheriff has been ordered by a judge to honor ICE detainers."))
                .doesNotContain(Stance.ALIGN, Stance.RESIST);
        assertThat(stances("The Lake County sheriff said he will continue to honor ICE detainers."))
                .containsExactly(Stance.ALIGN);
    }

    @Test
    void shouldTakeNoStanceFromPraiseOrCriticismOfAnothersCooperation() {
        assertThat(stances("A conservative group praised the Lake County sheriff's cooperation with ICE."))
                .doesNotContain(Stance.ALIGN);
        assertThat(stances("Immigrant advocates criticized the county's cooperation with ICE."))
                .doesNotContain(Stance.ALIGN);
    }

    @Test
    void shouldReadAFederalDeploymentOfAgentsAsCooperationAndOfTroopsAsMilitary() {
        assertThat(positions("Hundreds of immigration agents will be deployed to Charlotte next week."))
                .singleElement().satisfies(position -> {
                    assertThat(position.getStance()).isEqualTo(Stance.PRESS);
                    assertThat(position.getTopic()).hasToString("COOPERATION");
                });
        assertThat(positions("The Pentagon will deploy 700 Marines to Los Angeles."))
                .singleElement().satisfies(position -> assertThat(position.getTopic())
                        .hasToString("MILITARY_DEPLOYMENT"));
    }

    @Test
    void shouldReadWashingtonAsTheStateOnlyNextToAStateTitle() {
        for (String text : List.of(
                "Washington's governor said the state will not help ICE with deportations.",
                "The governor of Washington said the state will not help ICE with deportations.",
                "The Washington attorney general said the state will not help ICE with deportations.")) {
            assertThat(positions(text)).as(text).singleElement().satisfies(position -> {
                assertThat(position.getStance()).isEqualTo(Stance.RESIST);
                assertThat(position.getJurisdiction().getCode()).isEqualTo("WA");
            });
        }
        assertThat(positions("Officials in Washington said the administration would expand immigration arrests "
                + "nationwide.")).extracting(position -> position.getJurisdiction().getCode())
                .doesNotContain("WA");
    }

    @Test
    void shouldTakeNoStanceFromAFederalActorNearAnInstrumentWord() {
        assertThat(positions("The White House issued an executive order on immigration enforcement on Monday."))
                .isEmpty();
    }

    @Test
    void shouldNotReadAFederalPolicyGoalAimedAtNoStateOrCityAsPressure() {
        assertThat(stances("The president vowed the largest mass deportation program in the nation's history."))
                .doesNotContain(Stance.PRESS);
        assertThat(stances("ICE said it arrested more than two thousand people in one month.")).doesNotContain(Stance.PRESS);
    }

    @Test
    void shouldReadAFederalOperationInANamedCityAsPressureOnThatCity() {
        List<PolicyPosition> found = positions("ICE launched a week of immigration raids in Portland.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.PRESS);
        assertThat(found.get(0).getJurisdiction().getName()).startsWith("Portland");
    }

    @Test
    void shouldReadFederalArrestsOrderedInSanctuaryCitiesAsPressure() {
        assertThat(stances("The president ordered immigration agents to step up arrests in sanctuary cities."))
                .containsExactly(Stance.PRESS);
    }

    @Test
    void shouldReadStateGuidanceOnHowSchoolsRespondToAgentsAsResistingThroughItsCue() {
        List<PolicyPosition> found = positions("Oregon officials sent schools guidance on how to respond to "
                + "immigration agents at the door.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.RESIST);
        assertThat(found).extracting(RealNewsPatternsTest::stancePhrase).containsOnly("how to respond to");
    }

    @Test
    void shouldTakeNoStanceFromAStateInstrumentAboutSchoolsWithoutACue() {
        assertThat(positions("Oregon officials issued new guidelines for schools on immigration.")).isEmpty();
    }

    @Test
    void shouldAlignAStateOnlyWhenWhatItAllowsInIsAFederalAgency() {
        assertThat(stances("Arizona will allow National Guard troops to patrol the southern border."))
                .doesNotContain(Stance.ALIGN);
        assertThat(stances("Polk County will allow ICE agents into its jail.")).containsExactly(Stance.ALIGN);
    }

    @Test
    void shouldGiveEachActorOfATwoActorLeadItsOwnPositionAndEvidence() {
        List<PolicyPosition> found = positions("The Justice Department sued Illinois over its sanctuary law, and "
                + "Governor Pritzker vowed to fight the lawsuit over immigration enforcement.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US-DOJ", Stance.PRESS),
                        org.assertj.core.groups.Tuple.tuple("GOV-IL", Stance.RESIST));
        assertThat(found).extracting(RealNewsPatternsTest::stancePhrase).containsExactly("sued", "vowed to fight");
    }

    @Test
    void shouldLeaveTheAccusedCityWithoutTheStanceALawsuitAccusesItOf() {
        List<PolicyPosition> found = positions("The Justice Department sued Boston, alleging the city obstructs "
                + "immigration enforcement.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.PRESS);
        assertThat(found.get(0).getJurisdiction().getName()).isEqualTo("Boston, MA");
    }

    @Test
    void shouldReadOpposingASanctuaryLawAsCooperation() {
        assertThat(stances("The Huntington Beach City Council in California voted to oppose the state sanctuary law."))
                .containsExactly(Stance.ALIGN);
    }

    @Test
    void shouldKeepTheProtectionAFederalOrderDemandsWhenACityWillNotComply() {
        assertThat(stances("Boston's mayor said the city won't comply with the federal order to dismantle its "
                + "sanctuary protections for immigrants.")).containsExactly(Stance.RESIST);
    }

    @Test
    void shouldNotLetABackgroundMentionOfDeportationsDecideTheSide() {
        List<PolicyPosition> found = positions("Following the president's promise of mass deportations, the "
                + "Huntington Beach City Council in California declared itself a non-sanctuary city.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.ALIGN);
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("US-CA-HUNTINGTON_BEACH");
    }

    @Test
    void shouldResolveAnUnlistedCountyBeforeALocalTitleInTheItemsState() {
        PolicyPosition found = positions("The Dodge County sheriff in Wisconsin will honor ICE detainers.").get(0);

        assertThat(found.getActorId()).isEqualTo("SHERIFF-US-WI-DODGE_COUNTY");
        assertThat(found.getJurisdiction().getKind()).isEqualTo(JurisdictionKind.COUNTY);
        assertThat(found.getStance()).isEqualTo(Stance.ALIGN);
    }

    @Test
    void shouldResolveAStateUniversityToItsState() {
        PolicyPosition found = positions("Arizona State University will not let ICE agents into dorms without a "
                + "warrant.").get(0);

        assertThat(found.getActorId()).isEqualTo("UNIV-AZ");
        assertThat(found.getStance()).isEqualTo(Stance.RESIST);
    }

    @Test
    void shouldAlignAStateAttorneyGeneralWarningACityToKeepCooperating() {
        List<PolicyPosition> found = positions("The Ohio attorney general warned Columbus that ending its "
                + "cooperation agreement with ICE would violate state law.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AG-OH", Stance.ALIGN));
        assertThat(stancePhrase(found.get(0))).isEqualTo("warned");
    }

    @Test
    void shouldReadABarOnFederalAgentsAsResistance() {
        PolicyPosition found = positions("Chicago's mayor issued an executive order barring federal agents from "
                + "using city property for immigration enforcement.").get(0);

        assertThat(found.getActorId()).isEqualTo("MAYOR-US-IL-CHICAGO");
        assertThat(found.getStance()).isEqualTo(Stance.RESIST);
        assertThat(stancePhrase(found)).isEqualTo("barring federal agents");
    }

    @Test
    void shouldTakeNoSideForAnUndecidedOfficialOrAStatistic() {
        assertThat(stances("The Hennepin County sheriff has not decided whether to give ICE more access to the jail."))
                .containsOnly(Stance.NEUTRAL);
        assertThat(stances("ICE detention reached its highest level since 2019, according to agency data released "
                + "Monday.")).containsOnly(Stance.NEUTRAL);
    }

    @Test
    void shouldGiveCooperationAFederalOfficialDemandsOfSheriffsToTheFederalOfficialAsPressure() {
        List<PolicyPosition> found = positions("The border czar urged county sheriffs in Arizona to keep honoring "
                + "immigration detainers.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.PRESS);
        assertThat(found).extracting(PolicyPosition::getActorId).containsOnly("US-WH-BORDER_CZAR");
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("AZ");
    }

    @Test
    void shouldGiveCooperationAGovernorAsksOfLocalPoliceToTheGovernor() {
        assertThat(positions("Florida's governor called on police chiefs across the state to join 287(g) agreements "
                + "with ICE.")).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-FL", Stance.ALIGN));
        assertThat(positions("Oregon's governor asked state police not to help federal agents with immigration "
                + "arrests.")).extracting(PolicyPosition::getStance).containsOnly(Stance.RESIST);
    }

    @Test
    void shouldTakeNoStanceFromAnOperationOnlyNamedAsWhatProtestersOppose() {
        assertThat(positions("Community groups marched through downtown Seattle against ICE raids on Saturday."))
                .isEmpty();
    }

    @Test
    void shouldTakeNoStanceFromAnOperationReportedAsCalledOff() {
        assertThat(stances("Planned immigration sweeps in Sacramento were called off late Friday."))
                .doesNotContain(Stance.PRESS, Stance.RESIST);
    }

    @Test
    void shouldReadAGrowthFigureAsStatistics() {
        assertThat(stances("Immigration detentions in Georgia doubled over the past year."))
                .doesNotContain(Stance.PRESS, Stance.RESIST, Stance.ALIGN);
    }

    @Test
    void shouldNotTakeTheDefendantOfALawsuitForItsAgent() {
        List<PolicyPosition> found = positions("Minnesota and a dozen other states filed a lawsuit against the "
                + "administration's deployment of troops to Minneapolis.");

        assertThat(found).extracting(PolicyPosition::getStance).contains(Stance.RESIST);
        assertThat(found).filteredOn(p -> p.getStance() == Stance.RESIST).extracting(PolicyPosition::getActorId)
                .containsOnly("GOVT-MN");
    }

    @Test
    void shouldReadAStateSuingACityOverItsSanctuaryRulesAsCooperation() {
        assertThat(positions("The Arizona attorney general sued Tucson over its sanctuary ordinance."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AG-AZ", Stance.ALIGN));
        assertThat(stances("Several Texas cities sued the state over its law banning sanctuary cities."))
                .containsExactly(Stance.RESIST);
    }

    @Test
    void shouldTakeNoStanceFromCondemningViolenceAgainstAgents() {
        assertThat(positions("The Columbus mayor denounced violence against immigration agents outside a federal "
                + "building.")).isEmpty();
    }

    @Test
    void shouldNotTakeTheAgencyAGroupSuesForAnActor() {
        assertThat(positions("Immigrant rights groups in Denver sued ICE over conditions at a local detention "
                + "center.")).isEmpty();
    }

    @Test
    void shouldNotStackANegationOfAnEarlierConjunctOntoTheNextOne() {
        assertThat(stances("Denver police said officers were not part of the federal sweep and did not help "
                + "immigration agents.")).containsExactly(Stance.RESIST);
    }

    @Test
    void shouldTakeNoStanceFromHelpForImmigrants() {
        assertThat(positions("The mayor said the city will support immigrant families affected by the raids."))
                .isEmpty();
        assertThat(positions("The county will provide legal help to immigrants facing deportation.")).isEmpty();
        assertThat(stances("The sheriff said deputies will help ICE transport detainees.")).containsExactly(Stance.ALIGN);
    }

    @Test
    void shouldReadStateTroopersJoiningAgentsInArrestsAsCooperationNotFederalPressure() {
        assertThat(positions("Georgia troopers joined ICE agents in a round of arrests across Savannah."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("STATE_POLICE-GA", Stance.ALIGN));
    }

    @Test
    void shouldNotGiveTheSubjectAStanceTakenInARelativeClauseOfANonActor() {
        assertThat(positions("The Oregon governor criticized demonstrators who blocked federal agents outside a Salem "
                + "office.")).isEmpty();
    }

    @Test
    void shouldNotReachAnObjectPastABackgroundPhrase() {
        assertThat(positions("The Denver police chief said officers will protect public safety during protests "
                + "against ICE.")).isEmpty();
    }

    @Test
    void shouldNotReadFightingCrimeAsResistance() {
        assertThat(positions("The Louisiana governor wants Guard troops in Baton Rouge to fight violent crime."))
                .isEmpty();
        assertThat(stances("The Chicago mayor vowed to fight the deployment of Guard troops to the city."))
                .containsExactly(Stance.RESIST);
    }

    @Test
    void shouldReadAStateInstrumentOrActionsAgainstTheAgencyAsResistance() {
        List<PolicyPosition> order = positions("The Vermont governor signed an executive order against ICE actions in "
                + "state buildings.");

        assertThat(order).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOV-VT", Stance.RESIST));
        assertThat(order.get(0).getInstrument()).isEqualTo(org.policyradar.avro.Instrument.EXECUTIVE_ORDER);
        assertThat(stances("The Delaware governor announced several actions against ICE activity in the state."))
                .containsExactly(Stance.RESIST);
        assertThat(positions("The mayor called for measures against gun violence.")).isEmpty();
    }

    @Test
    void shouldReadALocalGovernmentDroppingItsSanctuaryPolicyAsCooperation() {
        assertThat(positions("The Harris County commission drops its sanctuary policy after a warning from the "
                + "Justice Department.")).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COUNTY-US-TX-HARRIS_COUNTY", Stance.ALIGN));
    }

    @Test
    void shouldTakeNoStanceFromADroppedLawsuitOrWhatItWasAbout() {
        assertThat(positions("The Justice Department dropped its lawsuit against Nevada over the state's sanctuary "
                + "law.")).isEmpty();
        assertThat(positions("The Trump administration dropped its lawsuit against Colorado, and the governor said the "
                + "state will keep its sanctuary laws.")).extracting(PolicyPosition::getStance)
                .containsExactly(Stance.RESIST);
    }

    @Test
    void shouldNotReadANounOrVerbCueThatOthersOpposeAsTheAgencysOwnVerb() {
        // the part-of-speech tagger reads "raids" and "arrests" as nouns here: "rallied", "marched" are the predicates
        assertThat(positions("Protesters rallied against Border Patrol raids in Omaha.")).isEmpty();
        assertThat(stances("Hundreds marched in Lincoln against Border Patrol arrests at local farms."))
                .doesNotContain(Stance.PRESS);
    }

    @Test
    void shouldReadANounOrVerbCueThatIsTheClausesOnlyPredicateAsTheAgencysVerb() {
        List<PolicyPosition> found = positions("Border Patrol raids a farm outside Omaha.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US-DHS-CBP-USBP", Stance.PRESS));
        assertThat(found.get(0).getJurisdiction().getName()).startsWith("Omaha");
        assertThat(stancePhrase(found.get(0))).isEqualTo("raids");
    }

    @Test
    void shouldReadAStateSuingACityForLimitingCooperationAsCooperation() {
        assertThat(positions("The Texas attorney general sued Austin for limiting its police cooperation with ICE."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AG-TX", Stance.ALIGN));
    }

    @Test
    void shouldReadTheAgentOfAPassiveLawsuitAsThePlaintiff() {
        List<PolicyPosition> found = positions("A lawsuit challenging New York's sanctuary laws was filed by the "
                + "Justice Department.");

        assertThat(found).extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("US-DOJ", Stance.PRESS));
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("NY");
    }

    @Test
    void shouldNotMakeTheAgencyAStateHelpsTheAgentOfTheStatesDeployment() {
        assertThat(positions("Florida will deploy state troopers to assist federal agents with immigration arrests, "
                + "the governor announced.")).extracting(PolicyPosition::getStance).containsOnly(Stance.ALIGN);
    }

    @Test
    void shouldTakeNoStanceFromWhatSomeoneDeclinesToCommentOn() {
        assertThat(positions("A DHS spokesperson declined to comment on the arrests in Omaha.")).isEmpty();
        assertThat(stances("The mayor declined to say whether city police would help ICE."))
                .doesNotContain(Stance.ALIGN);
    }

    @Test
    void shouldReadANationwidePhraseNarrowedByAPlaceAsPressureOnThatPlace() {
        List<PolicyPosition> found = positions("Homeland Security Secretary Kristi Noem announced that agents will "
                + "target sanctuary cities in California.");

        assertThat(found).extracting(PolicyPosition::getStance).containsOnly(Stance.PRESS);
        assertThat(found.get(0).getJurisdiction().getCode()).isEqualTo("CA");
    }

    @Test
    void shouldNotReadAStatesTargetsAsItsOwnStance() {
        assertThat(positions("The Texas attorney general said he will investigate cities that refuse to cooperate "
                + "with ICE.")).extracting(PolicyPosition::getStance).containsOnly(Stance.ALIGN);
        assertThat(stances("ICE has signed 287(g) agreements with more than 900 local agencies, the agency said."))
                .doesNotContain(Stance.ALIGN);
    }

    @Test
    void shouldTakeNoStanceFromLocalPoliceArrestingPeopleWhoAttackedAgents() {
        assertThat(positions("Local police arrested two people who assaulted an ICE officer in Los Angeles.")).isEmpty();
    }

    @Test
    void shouldReadAVoteAgainstJoiningCooperationAsResistance() {
        assertThat(positions("The city council in Aurora voted against a proposal to join a 287(g) program."))
                .extracting(PolicyPosition::getActorId, PolicyPosition::getStance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COUNCIL-US-CO-AURORA", Stance.RESIST));
        assertThat(stances("County commissioners debated whether to renew the jail's contract with ICE."))
                .doesNotContain(Stance.ALIGN, Stance.RESIST);
    }

    @Test
    void shouldReadCooperationThatBreaksTheLawAsWhatTheSpeakerOpposes() {
        assertThat(positions("The California attorney general warned local police that helping ICE with civil arrests "
                + "would violate state law.")).extracting(PolicyPosition::getStance).containsOnly(Stance.RESIST);
        assertThat(positions("The Ohio attorney general warned Columbus that ending its cooperation agreement with ICE "
                + "would violate state law.")).extracting(PolicyPosition::getStance).containsOnly(Stance.ALIGN);
    }

    @Test
    void shouldTakeNoLocalPositionFromWhatAConditionSupposes() {
        assertThat(positions("Trump threatened to cut federal funding to New York City if the mayor blocks ICE arrests."))
                .extracting(PolicyPosition::getStance).containsOnly(Stance.PRESS);
    }

    @Test
    void shouldTakeNoStanceFromAnActionNamedAsTheSettingOfTheClause() {
        assertThat(positions("Two ICE officers were injured during an arrest in Dallas, the agency said.")).isEmpty();
        assertThat(stances("Sheriffs across Texas are split over whether to join 287(g) agreements."))
                .doesNotContain(Stance.ALIGN);
    }
}
