package com.groupcare.hub.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names from partners' data written into bank files: valid XML, one byte a character in fixed width. */
class PlainTextTest {

    @Test
    void anXmlNameHasNoControlCharacterNoNoncharacterAndIsCutBetweenCharacters() {
        assertThat(PlainText.xmlSafe("Ben\u0001 Amor\uFFFE", 140)).isEqualTo("Ben  Amor");
        String emoji = "\uD83D\uDE00";
        assertThat(PlainText.xmlSafe("a".repeat(139) + emoji + "b", 140)).isEqualTo("a".repeat(139) + emoji);
        assertThat(PlainText.xmlSafe("lone \uD800 surrogate", 140)).isEqualTo("lone  surrogate");
    }

    @Test
    void aFixedWidthNameDropsAccentsAndMarksWhatAsciiCannotSay() {
        assertThat(PlainText.ascii("Élodie Ben Aïssa\tÇa")).isEqualTo("Elodie Ben Aissa Ca");
        assertThat(PlainText.ascii("محمد")).isEqualTo("????");
    }
}
