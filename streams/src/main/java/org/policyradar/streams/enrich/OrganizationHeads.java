package org.policyradar.streams.enrich;

import java.util.Set;
import org.policyradar.streams.enrich.PhraseIndex.Hit;

/**
 * Titles that name someone other than the federal office they spell: "Harvard President Alan Garber", "the
 * university's president", "the president of Brown University", "Argentine President ...", "former CDC
 * officials". Education and health news quote such people every week; read as the President or the agency they
 * would press states nationwide on every stance cue near them. Only the words right around the title are read.
 */
final class OrganizationHeads {

    /** Possessives and capitalized words before "President" that still name the U.S. president. */
    private static final Set<String> NATIONAL_OWNERS = Set.of("nation's", "country's", "america's", "u.s.'s",
            "us's", "america’s", "nation’s", "country’s");
    /** Capitalized words before "President" that do not name another body: titles, dates, sentence openers. */
    private static final Set<String> TITLE_WORDS = Set.of("U.S.", "US", "American", "Former", "Vice", "The", "A",
            "Then", "Then-", "Acting", "Republican", "Democratic", "Mr.", "Said", "Says", "When", "But", "And", "As",
            "If", "After", "Before", "While", "Under", "By", "With", "For", "From", "That", "Why", "How", "What",
            "Incoming", "Elected", "Sitting", "Current", "Outgoing", "Today", "Yesterday", "Meanwhile", "Now",
            "Also", "Earlier", "Later", "Last", "Next", "In", "On", "At", "So", "Because", "Since", "Until", "Once",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Week", "Year", "Night", "Morning", "Evening", "Afternoon", "Trump", "Will", "Would", "Could", "Did",
            "Does", "Has", "Had", "Is", "Was", "Where", "Who", "Whom", "To", "Of", "Against", "Over",
            "Amid", "Ex-", "GOP", "Democrat", "United", "States", "America", "Nation", "Federal", "Even", "Only");
    private static final Set<String> ORGANIZATION_NOUNS = Set.of("university", "university's", "college",
            "college's", "school", "school's", "company", "company's", "union", "union's", "association",
            "association's", "club", "club's", "chamber", "bank", "board", "foundation", "hospital", "council",
            "institute", "academy", "society", "group", "federation", "league", "network", "former", "ex",
            "vice", "student", "campus", "system", "system's");

    private OrganizationHeads() {
    }

    /** "former CDC officials", "ex-HHS staff": the people named are no longer the agency. */
    static boolean formerBefore(String folded, int start) {
        if (start >= 3 && folded.startsWith("ex-", start - 3)
                && (start == 3 || !TextFolding.isWordChar(folded.charAt(start - 4)))) {
            return true;
        }
        return "former".equals(wordBefore(folded, start));
    }

    /**
     * Whether the "president" of this role hit heads something other than the country: a possessive or a
     * capitalized name before it (other than the nation's, "U.S." and the like), an organization noun before it,
     * or "president of" a capitalized name that is not the United States.
     */
    static boolean headOfOther(String text, String folded, Hit hit) {
        String before = wordBefore(folded, hit.start());
        if (before != null) {
            if (ORGANIZATION_NOUNS.contains(before)) {
                return true;
            }
            if ((before.endsWith("'s") || before.endsWith("’s")) && !NATIONAL_OWNERS.contains(before)) {
                return true;
            }
            String original = wordBefore(text, hit.start());
            if (original != null && Character.isUpperCase(original.charAt(0)) && !TITLE_WORDS.contains(original)) {
                return true;
            }
        }
        return ofAnotherBody(text, hit.end());
    }

    /** "president of Brown University", "president of the University of Utah"; not "of the United States". */
    private static boolean ofAnotherBody(String text, int end) {
        int i = skipSpaces(text, end);
        if (!text.startsWith("of ", i)) {
            return false;
        }
        i = skipSpaces(text, i + 3);
        if (text.startsWith("the ", i)) {
            i = skipSpaces(text, i + 4);
        }
        if (i >= text.length() || !Character.isUpperCase(text.charAt(i))) {
            return false;
        }
        return !text.startsWith("United States", i) && !text.startsWith("U.S.", i) && !text.startsWith("America", i);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The word (letters, apostrophes, dots, hyphens) right before {@code start}, across spaces only; or null. */
    private static String wordBefore(String s, int start) {
        int[] word = TextFolding.wordBefore(s, start,
                c -> Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '.' || c == '-');
        return word == null || word[1] == start ? null : s.substring(word[0], word[1]);
    }
}
