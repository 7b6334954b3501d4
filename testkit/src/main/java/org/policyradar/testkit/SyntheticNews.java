package org.policyradar.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

/**
 * A deterministic generator of realistic synthetic news items for benchmarks: 200–600 characters of text in the
 * style of wire reports, a mix of pressing, resisting, aligning and neutral items about many US cities and
 * states. The same seed gives the same sequence of items on every machine and run.
 *
 * <p>Each article carries the stance and topic it was written to express ({@link Article#intended()}); the
 * enrichment decides what it actually reads, so these labels describe the mix, they are not ground truth.
 * Ids are {@code <prefix>-<sequence number>}; event times start at {@code start} and advance by {@code spacing}.
 */
public final class SyntheticNews {

    /** Shortest text an article has. */
    public static final int MIN_TEXT_CHARS = 200;
    /** Longest text an article has. */
    public static final int MAX_TEXT_CHARS = 600;

    /** Share of each stance in {@link #next()}, in percent. */
    public static final Map<Stance, Integer> STANCE_MIX =
            Map.of(Stance.PRESS, 25, Stance.RESIST, 30, Stance.ALIGN, 15, Stance.NEUTRAL, 30);

    /**
     * Where an article is set.
     *
     * @param name      the city
     * @param state     its state's postal code
     * @param stateName how the texts name the state
     */
    public record Place(String name, String state, String stateName) {
    }

    /** A generated article: the text it is, and what it was written to say. */
    public record Article(String id, Stance intended, PolicyTopic topic, Place place, String headline, String text,
                          Instant publishedAt) {

        /** The article as the producer would publish it. */
        public NewsItem toNewsItem() {
            return NewsItem.newBuilder()
                    .setId(id)
                    .setSource("synthetic-wire")
                    .setUrl("https://news.example/synthetic/" + id)
                    .setHeadline(headline)
                    .setText(text)
                    .setLanguage("en")
                    .setPublishedAt(publishedAt)
                    .setEventTimeSource(EventTimeSource.PUBLISHED)
                    .setIngestedAt(publishedAt)
                    .setAttributes(Map.of())
                    .build();
        }
    }

    /** Cities the generator writes about: 68, all in the bundled gazetteer, in 38 states. */
    public static final List<Place> PLACES = List.of(
            place("Chicago", "IL", "Illinois"),
            place("Evanston", "IL", "Illinois"),
            place("Los Angeles", "CA", "California"),
            place("San Diego", "CA", "California"),
            place("Oakland", "CA", "California"),
            place("Fresno", "CA", "California"),
            place("Sacramento", "CA", "California"),
            place("San Jose", "CA", "California"),
            place("Houston", "TX", "Texas"),
            place("Austin", "TX", "Texas"),
            place("El Paso", "TX", "Texas"),
            place("San Antonio", "TX", "Texas"),
            place("Dallas", "TX", "Texas"),
            place("Phoenix", "AZ", "Arizona"),
            place("Tucson", "AZ", "Arizona"),
            place("Denver", "CO", "Colorado"),
            place("Aurora", "CO", "Colorado"),
            place("Boulder", "CO", "Colorado"),
            place("Colorado Springs", "CO", "Colorado"),
            place("Seattle", "WA", "Washington state"),
            place("Spokane", "WA", "Washington state"),
            place("Tacoma", "WA", "Washington state"),
            place("Portland", "OR", "Oregon"),
            place("Eugene", "OR", "Oregon"),
            place("Boston", "MA", "Massachusetts"),
            place("Cambridge", "MA", "Massachusetts"),
            place("Newark", "NJ", "New Jersey"),
            place("Jersey City", "NJ", "New Jersey"),
            place("Philadelphia", "PA", "Pennsylvania"),
            place("Pittsburgh", "PA", "Pennsylvania"),
            place("Miami", "FL", "Florida"),
            place("Orlando", "FL", "Florida"),
            place("Tampa", "FL", "Florida"),
            place("Atlanta", "GA", "Georgia"),
            place("Savannah", "GA", "Georgia"),
            place("Minneapolis", "MN", "Minnesota"),
            place("Saint Paul", "MN", "Minnesota"),
            place("Detroit", "MI", "Michigan"),
            place("Grand Rapids", "MI", "Michigan"),
            place("Milwaukee", "WI", "Wisconsin"),
            place("Nashville", "TN", "Tennessee"),
            place("Memphis", "TN", "Tennessee"),
            place("Charlotte", "NC", "North Carolina"),
            place("Raleigh", "NC", "North Carolina"),
            place("Las Vegas", "NV", "Nevada"),
            place("Reno", "NV", "Nevada"),
            place("Albuquerque", "NM", "New Mexico"),
            place("Salt Lake City", "UT", "Utah"),
            place("Baltimore", "MD", "Maryland"),
            place("Providence", "RI", "Rhode Island"),
            place("Hartford", "CT", "Connecticut"),
            place("Buffalo", "NY", "New York"),
            place("Rochester", "NY", "New York"),
            place("Columbus", "OH", "Ohio"),
            place("Cleveland", "OH", "Ohio"),
            place("New Orleans", "LA", "Louisiana"),
            place("Kansas City", "MO", "Missouri"),
            place("Omaha", "NE", "Nebraska"),
            place("Boise", "ID", "Idaho"),
            place("Burlington", "VT", "Vermont"),
            place("Richmond", "VA", "Virginia"),
            place("Louisville", "KY", "Kentucky"),
            place("Indianapolis", "IN", "Indiana"),
            place("Oklahoma City", "OK", "Oklahoma"),
            place("Anchorage", "AK", "Alaska"),
            place("Honolulu", "HI", "Hawaii"),
            place("Des Moines", "IA", "Iowa"),
            place("Birmingham", "AL", "Alabama"));

    /** An article shape: what it says, about which question, and whether it names a place. */
    private record Template(Stance stance, PolicyTopic topic, boolean placed, String headline, String lead) {
    }

    // {P} = the place, {S} = its state's name; no template has a stance cue in its headline, so the lead decides
    private static final List<Template> TEMPLATES = List.of(
            new Template(Stance.PRESS, PolicyTopic.COOPERATION, false, "Justice Department memo targets officials",
                    "The Justice Department ordered federal prosecutors to investigate state and local officials "
                            + "who obstruct immigration enforcement, according to a memo sent on Tuesday."),
            new Template(Stance.PRESS, PolicyTopic.COOPERATION, false, "Administration moves against sanctuary cities",
                    "President Trump signed an executive order directing federal agencies to cut funding to "
                            + "sanctuary jurisdictions nationwide that refuse to honor ICE detainers."),
            new Template(Stance.PRESS, PolicyTopic.COOPERATION, true, "Federal pressure on {P}",
                    "The Department of Homeland Security warned {P} officials that they could face criminal "
                            + "prosecution if they fail to comply with immigration detainers."),
            new Template(Stance.PRESS, PolicyTopic.COOPERATION, true, "Enforcement operation in {P}",
                    "ICE launched a large enforcement operation in {P} this week, arresting dozens of "
                            + "immigrants, and Homeland Security Secretary Kristi Noem ordered more agents to surge "
                            + "into the area."),
            new Template(Stance.PRESS, PolicyTopic.COOPERATION, true, "Lawsuit over {P} policy",
                    "The Justice Department sued {P} over its sanctuary policy, saying city officials obstruct "
                            + "federal immigration enforcement and put officers at risk."),
            new Template(Stance.PRESS, PolicyTopic.SENSITIVE_LOCATIONS, false, "DHS changes rules for agents",
                    "The Department of Homeland Security announced it was rescinding protections for sensitive "
                            + "locations, allowing immigration arrests at schools, churches and hospitals."),
            new Template(Stance.PRESS, PolicyTopic.MILITARY_DEPLOYMENT, true, "Troops headed to {P}",
                    "The Pentagon ordered National Guard troops to deploy to {P} to support immigration "
                            + "enforcement, officials said late on Monday."),
            new Template(Stance.RESIST, PolicyTopic.COOPERATION, true, "{P} mayor speaks out",
                    "The {P} mayor said city police will not cooperate with ICE detainers and will not help "
                            + "federal agents with deportations."),
            new Template(Stance.RESIST, PolicyTopic.COOPERATION, true, "New memo for {P} officers",
                    "{P} police officers were told in an internal memo not to assist federal immigration agents "
                            + "unless they present a warrant signed by a judge."),
            new Template(Stance.RESIST, PolicyTopic.COOPERATION, true, "Vote at {P} council",
                    "The {P} city council passed an ordinance barring local police from helping federal "
                            + "immigration enforcement and protecting immigrants who report crimes."),
            new Template(Stance.RESIST, PolicyTopic.COOPERATION, true, "{S} lawmakers act",
                    "{S} lawmakers passed a bill limiting cooperation between state police and ICE, and the "
                            + "governor said {S} will stand in the way of mass deportations."),
            new Template(Stance.RESIST, PolicyTopic.SENSITIVE_LOCATIONS, true, "{P} schools set a rule",
                    "The {P} school district said it will not allow immigration agents into schools without a "
                            + "judicial warrant, to protect students and families."),
            new Template(Stance.ALIGN, PolicyTopic.COOPERATION, true, "Agreement signed in {P}",
                    "The sheriff's office in {P} signed a 287(g) agreement with ICE, saying deputies will help "
                            + "identify immigrants held in the local jail."),
            new Template(Stance.ALIGN, PolicyTopic.COOPERATION, true, "{P} police and federal agents",
                    "{P} police said they would honor ICE detainers and cooperate with federal agents on "
                            + "immigration arrests."),
            new Template(Stance.NEUTRAL, PolicyTopic.OTHER, true, "{P} budget hearing",
                    "Residents of {P} packed a community meeting on Thursday to discuss the city budget, road "
                            + "repairs and a plan for new bus lanes downtown."),
            new Template(Stance.NEUTRAL, PolicyTopic.OTHER, true, "Numbers from {P}",
                    "Immigration arrests in {S} rose 12 percent last year, according to a new report that "
                            + "tracked court filings in {P} and nearby counties."),
            new Template(Stance.NEUTRAL, PolicyTopic.OTHER, true, "Weather and traffic in {P}",
                    "A winter storm brought heavy snow to {P} overnight, closing several highways and delaying "
                            + "flights at the regional airport."));

    // background sentences without stance cues, to bring the texts to realistic and varied lengths
    private static final List<String> FILLERS = List.of(
            " The announcement drew a crowd of reporters outside the building.",
            " A spokesperson declined to comment on the details.",
            " The decision came after weeks of debate among local groups.",
            " Community organizations in {P} planned a meeting for the weekend.",
            " Several residents interviewed on Wednesday had not heard the news.",
            " Advocates and business owners in {S} are watching closely.",
            " The full text was posted online later in the afternoon.",
            " It was not clear how many people would be affected in the coming months.",
            " Officials did not immediately respond to a request for more information.",
            " Local television stations carried the remarks live.",
            " The matter is expected to come up again at a hearing next month.",
            " Reporters in {P} asked how the change would be paid for.");

    private final SplittableRandom random;
    private final String idPrefix;
    private final Instant start;
    private final Duration spacing;
    private long sequence;

    /**
     * @param seed     the seed: the same seed gives the same articles
     * @param idPrefix the prefix of the article ids
     * @param start    the event time of the first article
     * @param spacing  the event time between two consecutive articles
     */
    public SyntheticNews(long seed, String idPrefix, Instant start, Duration spacing) {
        this.random = new SplittableRandom(seed);
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.start = Objects.requireNonNull(start, "start");
        this.spacing = Objects.requireNonNull(spacing, "spacing");
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing must not be negative, was " + spacing);
        }
    }

    /** The next article, its stance drawn from {@link #STANCE_MIX}, its template and place at random. */
    public Article next() {
        Stance stance = drawStance();
        List<Template> candidates = TEMPLATES.stream().filter(t -> t.stance() == stance).toList();
        return write(candidates.get(random.nextInt(candidates.size())), PLACES.get(random.nextInt(PLACES.size())));
    }

    /** The next article, written to take {@code stance} on {@code topic} in {@code place}. */
    public Article next(Stance stance, PolicyTopic topic, Place place) {
        List<Template> candidates = TEMPLATES.stream()
                .filter(t -> t.stance() == stance && t.topic() == topic && t.placed())
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no template takes a " + stance + " position on " + topic
                    + " in a named place");
        }
        return write(candidates.get(random.nextInt(candidates.size())), Objects.requireNonNull(place, "place"));
    }

    /** The next article as a news item. */
    public NewsItem nextItem() {
        return next().toNewsItem();
    }

    private Stance drawStance() {
        int roll = random.nextInt(100);
        for (Stance stance : List.of(Stance.PRESS, Stance.RESIST, Stance.ALIGN, Stance.NEUTRAL)) {
            roll -= STANCE_MIX.get(stance);
            if (roll < 0) {
                return stance;
            }
        }
        throw new IllegalStateException("the stance mix must add up to 100: " + STANCE_MIX);
    }

    private Article write(Template template, Place place) {
        int target = MIN_TEXT_CHARS + random.nextInt(MAX_TEXT_CHARS - MIN_TEXT_CHARS + 1);
        StringBuilder text = new StringBuilder(fill(template.lead(), place));
        int firstFiller = random.nextInt(FILLERS.size());
        // each filler at most once; stop before overrunning the maximum (fillers are short, so the minimum holds)
        for (int i = 0; i < FILLERS.size() && text.length() < target; i++) {
            String filler = fill(FILLERS.get((firstFiller + i) % FILLERS.size()), place);
            if (text.length() + filler.length() <= MAX_TEXT_CHARS) {
                text.append(filler);
            }
        }
        long n = sequence++;
        Place where = template.placed() ? place : null;
        return new Article(idPrefix + "-" + n, template.stance(), template.topic(), where,
                fill(template.headline(), place), text.toString(), start.plus(spacing.multipliedBy(n)));
    }

    private static String fill(String pattern, Place place) {
        return pattern.replace("{P}", place.name()).replace("{S}", place.stateName());
    }

    private static Place place(String name, String state, String stateName) {
        return new Place(name, state, stateName);
    }
}
