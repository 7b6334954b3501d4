package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldRemoveTagsAndDecodeEntities() {
        assertThat(TextNormalizer.normalize("<p>Mayor&nbsp;says <b>no</b> to ICE &amp; CBP &mdash; &#8220;never&#8221;</p>"))
                .isEqualTo("Mayor says no to ICE & CBP — “never”");
    }

    @Test
    void shouldSeparateBlocksAndLineBreaksWithOneSpace() {
        assertThat(TextNormalizer.normalize("<p>First paragraph.</p><p>Second<br>line.</p>"))
                .isEqualTo("First paragraph. Second line.");
    }

    @Test
    void shouldDropScriptsAndStyles() {
        assertThat(TextNormalizer.normalize("<style>p{color:red}</style>Story<script>alert(1)</script> text"))
                .isEqualTo("Story text");
    }

    @Test
    void shouldDecodeEscapedMarkupOnlyOnce() {
        assertThat(TextNormalizer.normalize("Use &lt;b&gt; for bold")).isEqualTo("Use <b> for bold");
    }

    @Test
    void shouldLeaveComparisonsAndAmpersandsInPlainText() {
        assertThat(TextNormalizer.normalize("Arrests fell 5 < 7 at AT&T Park")).isEqualTo("Arrests fell 5 < 7 at AT&T Park");
    }

    @Test
    void shouldComposeToNfc() {
        String decomposed = "Sa\u0303o Jose\u0301";

        assertThat(TextNormalizer.normalize(decomposed)).isEqualTo("São José").hasSize(8);
        assertThat(TextNormalizer.normalize("Jose&#x301;")).isEqualTo("José");
    }

    @Test
    void shouldFoldEveryKindOfWhitespaceAndTrim() {
        assertThat(TextNormalizer.normalize("\u00A0 Twin\t\tCities\u2003police \u2028 push back \u3000"))
                .isEqualTo("Twin Cities police push back");
    }

    @Test
    void shouldTurnControlCharactersIntoSpaces() {
        assertThat(TextNormalizer.normalize("line\u0000one\u0085two")).isEqualTo("line one two");
    }

    @Test
    void shouldKeepSmartQuotesDashesAndWordsAsTheyAre() {
        String text = "The president’s Day 1 actions – “sensitive zones” … ‘no’";

        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void shouldReturnEmptyWhenNothingReadableIsLeft() {
        assertThat(TextNormalizer.normalize("<p> &nbsp; </p><br/>")).isEmpty();
    }

    @Test
    void shouldFoldWithoutTouchingMarkup() {
        assertThat(TextNormalizer.fold("  Example   <Wire>  ")).isEqualTo("Example <Wire>");
    }
}
