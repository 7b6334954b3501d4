package org.policyradar.streams.enrich.analysis;

import java.util.List;
import java.util.Set;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.TextFolding;

/**
 * The constructions of one text that decide whose stance a cue is, read from the cue and actor hits of its
 * {@link TextFacts}: demands and their complements, passives, phrases of opposition and background, halts,
 * defendants, relative clauses, conjuncts, what a cooperation cue acts on.
 */
final class Constructions {

    private final TextFacts facts;
    private final Negation negation;

    Constructions(TextFacts facts, Negation negation) {
        this.facts = facts;
        this.negation = negation;
    }

    /**
     * A demand verb ("urged", "asked", "ordered", "demanded") before the cue in its clause whose complement holds
     * the cue ("... sheriffs to honor detainers", "... that the city hand over inmates"), or null.
     */
    Hit demandBefore(Clause clause, Hit hit) {
        Hit demand = null;
        for (Hit h : facts.cues) {
            if (h.start() >= hit.start()) {
                break;
            }
            if (h.start() >= clause.start() && h.end() <= hit.start() && TextFacts.cue(h).demand()
                    && facts.wordsBetween(h.end(), hit.start()) <= facts.grammar.objectWindowWords() + 2
                    && complementBetween(h.end(), hit.start())) {
                demand = h;
            }
        }
        return demand;
    }

    /**
     * "The mayor called on the president to send agents": the federal actor is the object of a demand whose
     * complement holds the cue, and someone other than a federal actor asks. A request made of the federal
     * executive is the asker's, never the executive's position. When a federal actor asks ("the president
     * ordered the Pentagon to send troops") the pressure stands.
     */
    boolean requestedOf(Clause clause, ActorMention federal, Hit hit, AgentLookup agents) {
        Hit demand = demandBefore(clause, hit);
        if (demand == null || federal.start() < demand.end() || federal.end() > hit.start()) {
            return false;
        }
        ActorMention demander = agents.subject(clause, demand.start());
        return demander == null || !demander.federal();
    }

    /** "X to [not] help", "that X [will] hand over": an infinitive or that-clause opens after the demand verb. */
    private boolean complementBetween(int from, int to) {
        String between = facts.wordsOnly(from, to);
        if (between.startsWith(" that ")) {
            return true;
        }
        // "urged the sheriff to end the jail's agreement with ICE": a negator and a possessive fit in the window
        int to2 = facts.folded.substring(from, to).lastIndexOf(" to ");
        return to2 >= 0 && facts.wordsBetween(from + to2, to) <= 5;
    }

    private static final Set<String> AUXILIARIES = Set.of("was", "were", "been", "be", "is", "are", "being",
            "got", "get", "gets");
    private static final Set<String> OPPOSITION = Set.of("against", "amid", "after", "despite", "following",
            "during", "over", "protesting", "protested", "protest");
    private static final Set<String> NOUN_MODIFIERS = Set.of("the", "a", "an", "recent", "ongoing", "planned",
            "federal", "immigration", "its", "their", "possible", "new", "mass", "more", "latest", "expected",
            "continued", "aggressive", "stepped-up", "large-scale", "sweeping", "ice", "this", "these", "those");

    /** "were paused", "was quietly blocked": the cue is a passive predicate. */
    boolean isPassive(Hit hit) {
        int at = hit.start();
        for (int i = 0; i < 2; i++) {
            String word = wordBefore(at);
            if (word == null) {
                return false;
            }
            if (AUXILIARIES.contains(word)) {
                return true;
            }
            if (!word.endsWith("ly")) {
                return false;
            }
            at = facts.folded.lastIndexOf(word, at);
        }
        return false;
    }

    /** "blocked by the city": the agent of a passive follows. */
    boolean byAfter(Hit hit) {
        return facts.folded.startsWith(" by ", hit.end());
    }

    /**
     * "rallied against ICE raids", "amid the immigration crackdown": a noun phrase naming an action, after a
     * preposition of opposition or background, is what the clause is about, not a position its agent takes.
     *
     * @return where the phrase starts (after the preposition), or -1
     */
    int objectOfOpposition(Hit hit) {
        return nounPhraseAfter(hit, OPPOSITION);
    }

    private static final Set<String> BACKGROUND = Set.of("during", "amid", "after", "following", "despite");

    /**
     * "officers were injured during an arrest", "amid the raids": an action named after a preposition of
     * background is the setting of the clause, whoever its subject is.
     */
    boolean inBackground(Hit hit) {
        return nounPhraseAfter(hit, BACKGROUND) >= 0;
    }

    /** Where the noun phrase of the cue starts, after one of the prepositions, or -1. */
    private int nounPhraseAfter(Hit hit, Set<String> prepositions) {
        int at = hit.start();
        for (ActorMention actor : facts.actors) {
            if (actor.federal() && actor.end() <= at && facts.wordsBetween(actor.end(), at) == 0 && actor.end() > at - 3) {
                at = actor.start();
            }
        }
        for (int i = 0; i < 4; i++) {
            String word = wordBefore(at);
            if (word == null) {
                return -1;
            }
            if (prepositions.contains(word)) {
                return at;
            }
            if (!NOUN_MODIFIERS.contains(word) && !word.endsWith("'s")) {
                return -1;
            }
            at = facts.folded.lastIndexOf(word, at);
        }
        return -1;
    }

    /** "raids were paused", "the operation, called off": a halting word right after the action, no stance between. */
    boolean haltedAfter(Clause clause, Hit hit) {
        for (Hit other : facts.cues) {
            if (other.start() < hit.end()) {
                continue;
            }
            if (other.start() >= clause.end() || facts.wordsBetween(hit.end(), other.start()) > 4) {
                return false;
            }
            RuleFiles.CueDef def = TextFacts.cue(other);
            if (def.kind() == CueKind.NEGATOR && !facts.folded.startsWith("no", other.start())
                    || def.negatesWithoutJudge()) {
                return isPassive(other) || facts.wordsBetween(hit.end(), other.start()) == 0;
            }
            if (def.kind().isStance()) {
                return false;
            }
        }
        return false;
    }

    /** The word (letters, digits, apostrophes, hyphens) before offset, on the same line, or null. */
    private String wordBefore(int offset) {
        int[] word = TextFolding.wordBefore(facts.folded, offset,
                c -> Character.isLetterOrDigit(c) || c == '\'' || c == '-');
        return word == null ? null : facts.folded.substring(word[0], word[1]);
    }

    private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "outside", "across", "from");

    /** "advocates in Chicago": the place is where someone is, after a locative preposition. */
    boolean isLocative(int placeStart) {
        String word = wordBefore(placeStart);
        return word != null && LOCATIVES.contains(word);
    }

    /** An attack cue ("violence against", "attacks on") after the cue, within the object window, before a stop. */
    boolean attackAfter(Clause clause, Hit hit) {
        for (Hit other : facts.cues) {
            if (other.start() < hit.end()) {
                continue;
            }
            if (other.start() >= clause.end() || facts.wordsBetween(hit.end(), other.start()) > facts.grammar.objectWindowWords()) {
                return false;
            }
            if (TextFacts.cue(other).attack()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A state or local government suing another state or local one (named after the cue, no federal actor before
     * it) over a protection ("over its sanctuary policy").
     */
    boolean suesLocalityOverProtection(Clause clause, Hit suit, ActorMention agent) {
        ActorMention defendant = null;
        for (ActorMention actor : facts.actorsIn(clause)) {
            if (actor.start() >= suit.end() && actor != agent) {
                defendant = actor;
                break;
            }
        }
        boolean localDefendant = defendant != null && defendant.stateOrLocal();
        if (!localDefendant) {
            for (PlaceMention place : facts.places) {
                if (place.start() >= suit.end() && place.start() < clause.end() && place.domestic()) {
                    localDefendant = defendant == null || place.start() < defendant.start();
                    break;
                }
            }
        }
        if (!localDefendant) {
            return false;
        }
        // "over its law banning sanctuary cities": a protection the defendant negates is no protection of its own
        // "for limiting its police cooperation with ICE": a cooperation the defendant negates is a protection too
        List<Hit> after = facts.cuesIn(suit.end(), clause.end());
        for (Hit other : after) {
            boolean negated = after.stream().anyMatch(n -> negation.isNegator(n, false) && negation.negates(n, other));
            if (negation.isProtection(other) ? !negated : TextFacts.cue(other).kind() == CueKind.COOPERATE && negated) {
                return true;
            }
        }
        return false;
    }

    /**
     * "warned local police that helping ICE would violate state law": a cooperation cue after {@code from} that a
     * VIOLATION cue follows and no negator reaches, so the warning is against cooperating.
     */
    boolean warnsAgainstCooperation(Clause clause, int from) {
        List<Hit> after = facts.cuesIn(from, clause.end());
        for (Hit h : after) {
            if (TextFacts.cue(h).kind() != CueKind.COOPERATE) {
                continue;
            }
            boolean violation = after.stream().anyMatch(v -> v.start() >= h.end()
                    && TextFacts.cue(v).kind() == CueKind.VIOLATION);
            boolean negated = after.stream().anyMatch(n -> negation.isNegator(n, false) && negation.negates(n, h));
            if (violation && !negated) {
                return true;
            }
        }
        return false;
    }

    /** "a lawsuit against the administration", "suing over Trump's order": the actor is what the suit is against. */
    boolean isDefendant(Hit suit, ActorMention agent) {
        String between = facts.wordsOnly(suit.end(), agent.start());
        // "a lawsuit challenging the state's law was filed by the Justice Department": the agent of a passive
        if (between.endsWith(" by ") || between.endsWith(" by the ")) {
            return false;
        }
        if (between.contains(" against ") || between.contains(" over ") || between.contains(" challenging ")) {
            return true;
        }
        // "sued ICE", "sues the administration": the object of the verb
        String phrase = facts.folded.substring(suit.start(), suit.end());
        return phrase.startsWith("su") && facts.wordsBetween(suit.end(), agent.start()) <= 1;
    }

    /**
     * The first thing a cooperation cue acts on, within the object window, is people ("immigrants", "migrant
     * families") rather than a federal actor or an enforcement phrase.
     */
    boolean objectIsPeople(Clause clause, Hit hit) {
        int window = facts.grammar.objectWindowWords();
        int agency = Integer.MAX_VALUE;
        for (ActorMention actor : facts.actorsIn(clause)) {
            if (actor.start() >= hit.end() && (actor.federal() || actor.context())) {
                agency = actor.start();
                break;
            }
        }
        for (Hit other : facts.cuesIn(hit.end(), clause.end())) {
            if (other.start() >= agency || facts.wordsBetween(hit.end(), other.start()) > window) {
                return false;
            }
            if (TextFacts.cue(other).context()) {
                return TextFacts.cue(other).people();
            }
        }
        return false;
    }

    /**
     * The federal actor is what a cooperation cue before it acts on ("joined ICE agents", "helped Border Patrol
     * detain"), with the enforcement cue after it: the state or local helper's action, not federal pressure.
     */
    boolean isHelpedParty(Clause clause, ActorMention federal, Hit enforcement) {
        return federal.end() <= enforcement.start() && isHelped(clause, federal);
    }

    /**
     * "deploy state troopers to assist federal agents": the federal actor is what a cooperation cue right before
     * it acts on, wherever the enforcement cue is, so it is the partner of the helper, not the agent of the cue.
     */
    boolean isHelped(Clause clause, ActorMention federal) {
        for (Hit h : facts.cuesIn(clause.start(), federal.start())) {
            if (TextFacts.cue(h).kind() == CueKind.COOPERATE && h.end() <= federal.start()
                    && facts.wordsBetween(h.end(), federal.start()) <= 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * "criticized protesters who blocked ICE vehicles": the cue is in a relative clause whose head is no actor
     * (the last "who" between the subject and the cue follows no actor), so it is not the subject's stance.
     */
    boolean inRelativeOfNonActor(Clause clause, ActorMention subject, Hit hit) {
        int from = subject == null ? clause.start() : subject.end();
        if (from >= hit.start()) {
            return false;
        }
        int who = facts.folded.lastIndexOf(" who ", hit.start());
        if (who < from) {
            return false;
        }
        for (ActorMention actor : facts.actors) {
            if (actor.start() >= who && actor.end() <= hit.start()) {
                return false;
            }
            if (actor.end() <= who && who - actor.end() <= 1) {
                return false;
            }
        }
        return true;
    }

    /** "not involved and did not assist": a coordinating word between two negators starts a new conjunct. */
    boolean conjunctionBetween(Hit first, Hit second) {
        if (first.end() > second.start()) {
            return false;
        }
        String between = facts.wordsOnly(first.end(), second.start());
        return between.contains(" and ") || between.contains(" or ") || between.contains(" but ")
                || facts.folded.substring(first.end(), second.start()).contains(",");
    }

}
