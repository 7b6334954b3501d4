package org.policyradar.streams.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.streams.enrich.Mentions.PlaceMention;

/**
 * Cities and counties the gazetteer does not list, named by the capitalised words right before a local title
 * ("Huntington Beach City Council", "Sioux Falls school board", "Dodge County sheriff"), in the state the item
 * is about. The gazetteer only needs the places whose containment matters (a city inside a targeted county);
 * any other local government still resolves to its own place.
 */
final class UnlistedPlaces {

    /** One to three capitalised words, then the gap before the title. */
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "(?<![A-Za-z.'\u2019])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\\s){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(\\s(County|Parish|City|Town))?\\s$");
    /** Capitalised words that are not place names: titles, parties, sentence openers, months. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "city", "county", "state", "federal",
            "local", "mayor", "governor", "gov", "democratic", "republican", "democrat", "new", "former", "interim",
            "acting", "chief", "police", "sheriff", "council", "school", "board", "district", "officials", "its",
            "their", "his", "her", "on", "in", "at", "and", "but", "as", "after", "when", "while", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "ice",
            "trump", "president", "attorney", "general", "department", "u", "s", "us", "american", "unified",
            "public", "town", "village", "metro", "area", "regional", "top", "senior", "elected", "both", "several",
            "many", "some", "all", "other", "two", "three", "meanwhile", "however", "also", "more", "most");

    /** "of" (and an optional "the"), then one to three capitalised words, then County or Parish. */
    private static final Pattern COUNTY_AFTER = Pattern.compile(
            "\\s+of\\s+(?:the\\s+)?((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\\s){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\\s(County|Parish)\\b");

    private UnlistedPlaces() {
    }

    /**
     * The unlisted county named right after a local title with "of" ("the sheriff of Bristol County"), in
     * {@code state}, or null when there is none or no state to put it in. Only a county or parish: "the mayor of
     * <Name>" is as often a person's or an organisation's name as a town's.
     */
    static PlaceMention countyAfter(String text, int titleEnd, String state) {
        if (state == null) {
            return null;
        }
        Matcher m = COUNTY_AFTER.matcher(text).region(titleEnd, Math.min(text.length(), titleEnd + 60));
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1);
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[\\s-]+"));
        if (words.stream().anyMatch(NOT_NAMES::contains)) {
            return null;
        }
        String display = name + " " + m.group(2);
        String code = "US-" + state + "-" + display.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
        Gazetteer.Place place = new Gazetteer.Place(code, JurisdictionKind.COUNTY, display, state, List.of(), null);
        return new PlaceMention(m.start(1), m.end(2), place, false);
    }

    /**
     * The unlisted place named right before {@code titleStart}, in {@code state}, or null when the words there
     * are not a place name or there is no state to put it in.
     */
    static PlaceMention before(String text, int titleStart, String state) {
        if (state == null) {
            return null;
        }
        int from = Math.max(0, titleStart - 60);
        Matcher m = NAME_BEFORE.matcher(text.substring(from, titleStart));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[\\s-]+"));
        // every word must look like a name; a leading non-name word is dropped ("The Sioux Falls ...")
        int first = 0;
        while (first < words.size() && NOT_NAMES.contains(words.get(first))) {
            first++;
        }
        if (first == words.size() || words.subList(first, words.size()).stream().anyMatch(NOT_NAMES::contains)) {
            return null;
        }
        String[] original = name.split("\\s+");
        String kept = String.join(" ", List.of(original).subList(Math.min(first, original.length), original.length));
        if (kept.isBlank()) {
            return null;
        }
        // the title may itself start with the county ("Dodge County sheriff" read as "Dodge" + "County sheriff")
        boolean titleCounty = text.regionMatches(true, titleStart, "county ", 0, 7);
        boolean county = titleCounty || "County".equals(m.group(3)) || "Parish".equals(m.group(3));
        String display = titleCounty ? kept + " County" : county ? kept + " " + m.group(3) : kept;
        String code = "US-" + state + "-" + display.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
        Gazetteer.Place place = new Gazetteer.Place(code, county ? JurisdictionKind.COUNTY : JurisdictionKind.CITY,
                display, state, List.of(), null);
        int start = from + m.start(1) + name.indexOf(kept);
        return new PlaceMention(start, Math.min(titleStart + (titleCounty ? 6 : 0), start + display.length()), place,
                false);
    }
}
