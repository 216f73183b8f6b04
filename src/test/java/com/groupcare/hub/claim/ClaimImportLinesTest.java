package com.groupcare.hub.claim;

import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulletin's lines follow each other: one that comes back after another bulletin is not merged into it. */
class ClaimImportLinesTest {

    @Test
    void aBulletinMetAgainAfterAnotherIsRefusedNotMergedIntoTheFirst() {
        List<LineError> rejected = new ArrayList<>();
        List<ClaimImportLines.Form> forms = ClaimImportLines.forms(List.of(
                line(2, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;100.000;"),
                line(3, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;C1;1;30.000;"),
                line(4, "BS-2;POL-TRS-2026;000002;00;SFX-001;10/11/2026;PH;1;50.000;"),
                line(5, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;100.000;"),
                line(6, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;RX;1;80.000;")), rejected);

        assertThat(forms).extracting(f -> f.claim().claimNumber() + " " + f.claim().lines().size() + " lines " + f.lineNos())
                .containsExactly("BS-1 2 lines [2, 3]", "BS-2 1 lines [4]");
        assertThat(rejected).extracting(e -> e.lineNo() + " " + e.code()).containsExactly("5 FORM_REPEATED", "6 FORM_REPEATED");
        assertThat(rejected.get(0).message()).contains("already appears at line 2");
    }

    private static RawLine line(int no, String text) {
        return new RawLine(no, text, false);
    }

    @Test
    void hostileValuesAreRefusedLineByLineBeforeAnyArithmetic() {
        List<LineError> rejected = new ArrayList<>();
        List<ClaimImportLines.Form> forms = ClaimImportLines.forms(List.of(
                line(2, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;1E99999999;"),
                line(3, "BS-2;POL-TRS-2026;000001;00;SFX-001;01/01/0000;PH;1;10.000;"),
                line(4, "BS-3;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;10.000;\u0000"),
                line(5, "BS-4;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;-5.000;"),
                line(6, "BS-5;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;12,500;")), rejected);
        assertThat(rejected).extracting(e -> e.lineNo() + " " + e.code())
                .containsExactly("2 INVALID_AMOUNT", "3 INVALID_DATE", "4 CONTROL_CHARACTER", "5 INVALID_AMOUNT");
        assertThat(forms).extracting(f -> f.claim().lines().get(0).amountCharged().toPlainString()).containsExactly("12.500");
    }

    @Test
    void aFormNumberWrittenWithSpacesOrQuotesIsTheSameForm() {
        List<LineError> rejected = new ArrayList<>();
        List<ClaimImportLines.Form> forms = ClaimImportLines.forms(List.of(
                line(2, "BS-1;POL-TRS-2026;000001;00;SFX-001;10/11/2026;PH;1;10.000;"),
                line(3, " BS-1 ;POL-TRS-2026;000001;00;SFX-001;10/11/2026;C1;1;30.000;"),
                line(4, "\"BS-1\";POL-TRS-2026;000001;00;SFX-001;10/11/2026;RX;1;80.000;")), rejected);
        assertThat(rejected).isEmpty();
        assertThat(forms).extracting(f -> f.claim().claimNumber() + " " + f.lineNos()).containsExactly("BS-1 [2, 3, 4]");
    }
}
