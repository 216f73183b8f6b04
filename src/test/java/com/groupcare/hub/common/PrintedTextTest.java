package com.groupcare.hub.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Arabic names are joined and put in visual order before PDFBox draws them; other text is untouched. */
class PrintedTextTest {

    @Test
    void latinAndAccentedTextIsUntouched() {
        assertThat(PrintedText.visual("Aïcha BEN ZAÏED — Hédi")).isEqualTo("Aïcha BEN ZAÏED — Hédi");
    }

    @Test
    void arabicLettersTakeTheirJoinedFormsInVisualOrder() {
        // سامي: seen from the left, ي final (U+FEF2), م initial (U+FEE3: alef does not join to the left), ا final (U+FE8E), س initial (U+FEB3)
        assertThat(PrintedText.visual("سامي")).isEqualTo("\uFEF2\uFEE3\uFE8E\uFEB3");
        String mixed = PrintedText.visual("Rang 10  سامي");
        assertThat(mixed).startsWith("Rang 10  ").endsWith("\uFEF2\uFEE3\uFE8E\uFEB3");
    }
}
