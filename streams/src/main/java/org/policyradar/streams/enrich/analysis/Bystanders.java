package org.policyradar.streams.enrich.analysis;

import java.util.Set;
import org.policyradar.streams.enrich.TextFolding;

/**
 * People at an institution who are not the institution: "students at the University of Texas sued", "the faculty
 * senate at the University of Michigan voted", "doctors from Children's Hospital". The actor after "at", "from"
 * or "of" is only where they are; whatever they do is not its position. Only the two words before the actor are
 * read.
 */
final class Bystanders {

    private static final Set<String> PEOPLE = Set.of("students", "student", "faculty", "professors", "professor",
            "researchers", "researcher", "scientists", "doctors", "physicians", "nurses", "employees", "workers",
            "staff", "staffers", "parents", "alumni", "donors", "protesters", "activists", "patients", "athletes",
            "coaches", "teachers", "senate", "union", "unions", "players", "graduates", "scholars", "lecturers",
            "instructors", "advocates", "families", "residents", "clinicians", "pediatricians", "swimmers");
    private static final Set<String> LINKS = Set.of("at", "from", "of");

    private Bystanders() {
    }

    /** Whether the actor starting at {@code start} is introduced as the place of people who are not it. */
    static boolean before(String folded, int start) {
        int[] word = previousWord(folded, start);
        if (word != null && folded.startsWith("the", word[0]) && word[1] - word[0] == 3) {
            word = previousWord(folded, word[0]);
        }
        if (word == null || !LINKS.contains(folded.substring(word[0], word[1]))) {
            return false;
        }
        int[] noun = previousWord(folded, word[0]);
        return noun != null && PEOPLE.contains(folded.substring(noun[0], noun[1]));
    }

    /** [start, end) of the word right before {@code at}, across spaces only; null when none. */
    private static int[] previousWord(String folded, int at) {
        int[] word = TextFolding.wordBefore(folded, at, c -> TextFolding.isWordChar((char) c));
        return word == null || word[1] == at ? null : word;
    }
}
