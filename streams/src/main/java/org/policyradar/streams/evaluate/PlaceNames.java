package org.policyradar.streams.evaluate;

import java.text.Normalizer;
import java.util.Locale;

/** Loose comparison of place names as labels write them ("St. Paul", "City of Chicago", "Cook County"). */
final class PlaceNames {

    private PlaceNames() {
    }

    /**
     * True when one name, folded, contains the other as whole words; a label may give alternatives
     * ("Stockton / San Joaquin County", "Minneapolis-Saint Paul (Twin Cities)") and any of them will do.
     */
    static boolean samePlace(String a, String b) {
        for (String x : a.split("[/()]|\\s-\\s")) {
            for (String y : b.split("[/()]|\\s-\\s")) {
                if (sameName(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameName(String a, String b) {
        String x = " " + fold(a) + " ";
        String y = " " + fold(b) + " ";
        if (x.isBlank() || y.isBlank()) {
            return false;
        }
        return x.contains(y) || y.contains(x);
    }

    /** Lower case, no accents, "saint" for "st", no "city of", only letters and single spaces. */
    static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        s = (" " + s + " ").replace(" st ", " saint ").replace(" city of ", " ").replace(" new york city ", " new york ");
        return s.strip();
    }
}
