package org.policyradar.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.PolicyPosition;

/**
 * A body for Slack incoming webhooks (and the many services that accept the same shape): {@code text}, the
 * notification's fallback line, and {@code blocks}: four sections with the title, the explanation, and each side
 * with its actor, jurisdiction and headline. Every text, the fallback line included, is escaped as Slack's
 * formatting requires ({@link #escape}) and kept within its length limits.
 */
public final class SlackAlertBody {

    /** Slack refuses section texts longer than 3000 characters. */
    static final int MAX_SECTION_TEXT = 3000;
    /** The fallback text is cut to this many characters before escaping: it is only a notification line. */
    static final int MAX_TEXT = 3000;
    private static final int MAX_HEADLINE = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackAlertBody() {
    }

    /** One JSON object on one line. */
    public static String render(ConflictAlert alert) {
        ObjectNode body = JSON.createObjectNode();
        String heading = headingOf(alert);
        // the notification line is parsed like any mrkdwn: news text in it must not become <!channel> or a link
        body.put("text", escape(truncate(heading + ": " + alert.getTitle() + " — " + alert.getExplanation(),
                MAX_TEXT)));
        ArrayNode blocks = body.putArray("blocks");
        section(blocks, "*" + escape(heading + ": " + alert.getTitle()) + "*\n"
                + escape(String.format(Locale.ROOT, "Domain %s · topic %s · score %.2f · conflict %s",
                org.policyradar.streams.enrich.PolicyDomains.of(alert.getTopic()), alert.getTopic(), alert.getScore(), alert.getConflictId())));
        section(blocks, escape(alert.getExplanation()));
        section(blocks, side("Pressing", alert.getPressing()));
        section(blocks, side("Resisting", alert.getResisting()));
        return body.toString();
    }

    private static String headingOf(ConflictAlert alert) {
        return alert.getKind() == AlertKind.RETRACTED ? "Policy conflict retracted" : "New policy conflict";
    }

    private static String side(String label, ConflictParty party) {
        PolicyPosition position = party.getPosition();
        String headline = party.getHeadline() != null && !party.getHeadline().isBlank()
                ? party.getHeadline() : party.getText();
        return "*" + label + ":* " + escape(position.getActorName() + " (" + position.getActorId() + ", "
                + position.getLevel() + ")") + "\n"
                + "*Jurisdiction:* " + escape(position.getJurisdiction().getName()) + "\n"
                + "*Stance:* " + position.getStance() + " by " + position.getInstrument() + "\n"
                + "> " + escape(truncate(headline.replaceAll("\\s+", " ").strip(), MAX_HEADLINE));
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", truncate(mrkdwn, MAX_SECTION_TEXT));
    }

    /**
     * Slack reads {@code &}, {@code <} and {@code >} as control characters (links, mentions such as
     * {@code <!channel>}, entities) in the top-level text and in mrkdwn, and asks for exactly these three to be
     * written as {@code &amp;}, {@code &lt;} and {@code &gt;}; everything else is shown as it is.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
