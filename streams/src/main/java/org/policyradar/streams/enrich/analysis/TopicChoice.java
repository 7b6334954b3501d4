package org.policyradar.streams.enrich.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The policy questions a decision is about: the topics its clause's cues name, the topic its actor implies, else
 * those of its sentence, else the rules' default topic; each with the phrase that gave it.
 */
final class TopicChoice {

    private final TextFacts facts;

    TopicChoice(TextFacts facts) {
        this.facts = facts;
    }

    Map<PolicyTopic, Evidence> of(Candidate candidate) {
        Map<PolicyTopic, Evidence> topics = new EnumMap<>(PolicyTopic.class);
        Clause clause = candidate.clause();
        addTopics(topics, clause.start(), clause.end(), candidate);
        for (Agent agent : candidate.agents()) {
            if (agent.impliedTopic() != null && !topics.containsKey(agent.impliedTopic())) {
                topics.put(agent.impliedTopic(), facts.evidence(EvidenceField.TOPIC, candidate.spanOf(agent),
                        "topic:implied-by-actor:" + agent.id()));
            }
        }
        // "Portland leaders resist ICE; Trump deploys troops": a clause aimed at the immigration agencies
        // themselves is about cooperation, not about what another clause of the sentence is about
        boolean aimedAtAgencies = facts.actorsIn(clause).stream().anyMatch(a -> a.federal() && a.context());
        if (topics.isEmpty() && !aimedAtAgencies) {
            Sentence sentence = facts.sentences.get(clause.sentence());
            addTopics(topics, sentence.start(), sentence.end(), candidate);
        }
        if (topics.isEmpty()) {
            Hit cue = candidate.cue();
            topics.put(facts.scoring.defaultTopic(),
                    facts.evidence(EvidenceField.TOPIC, cue.start(), cue.end(), "topic:default"));
        }
        return topics;
    }

    private void addTopics(Map<PolicyTopic, Evidence> topics, int from, int to, Candidate candidate) {
        for (Hit hit : facts.cuesIn(from, to)) {
            PolicyTopic topic = TextFacts.cue(hit).topic();
            CueKind kind = TextFacts.cue(hit).kind();
            // "agents will be allowed to make arrests at churches": a federal action, not a question of cooperation
            if (candidate.side() == Side.PRESS && hit != candidate.cue()
                    && (kind == CueKind.COOPERATE || kind == CueKind.OBSTRUCT || kind == CueKind.REFUSAL)) {
                continue;
            }
            if (topic != null && !topics.containsKey(topic)) {
                topics.put(topic, facts.evidence(EvidenceField.TOPIC, hit.start(), hit.end(),
                        "topic:" + TextFacts.cue(hit).id()));
            }
        }
    }
}
