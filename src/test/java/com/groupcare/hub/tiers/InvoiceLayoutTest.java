package com.groupcare.hub.tiers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group layouts bind to typed records at start-up; a typo stops the hub with the file and the reason. */
class InvoiceLayoutTest {

    static final Path MAPPINGS = Path.of("mappings/providers/invoices");

    @Test
    void theShippedLayoutsLoadAndTellTheGroupsApartByFileName() {
        InvoiceLayouts layouts = new InvoiceLayouts(MAPPINGS.toString());
        assertThat(layouts.forFile("TP_PHARMA_20261120_LOT01.csv")).get().extracting(InvoiceLayout::group).isEqualTo("pharmacies");
        assertThat(layouts.forFile("TP_CLINIQUE_20261121_LOT07.csv")).get().extracting(InvoiceLayout::group).isEqualTo("clinics");
        assertThat(layouts.forFile("FACTURES.csv")).isEmpty();
    }

    @Test
    void aTypoInAColumnAKeyOrAMissingIdentifierStopsTheHubWithTheReason(@TempDir Path dir) throws IOException {
        String pharmacies = Files.readString(MAPPINGS.resolve("pharmacies.yaml"));
        assertRefused(dir, pharmacies.replace("last-name, first-name", "lastname, first-name"),
                "invoice.columns: unknown column 'lastname'");
        assertRefused(dir, pharmacies.replace("decimal-separator:", "decimal-separater:"), "unknown key decimal-separater");
        assertRefused(dir, pharmacies.replace("total, card, rank", "total, rank"), "invoice.columns must have card or matricule");
        assertRefused(dir, pharmacies.replace("\"ACK_{name}\"", "\"ACK.csv\""), "acknowledgement.file-name must contain {name}");
        assertRefused(dir, pharmacies.replace("columns: [line, invoice, act,", "columns: [line, invoice, acte,"),
                "acknowledgement.columns: unknown column 'acte'");
        assertRefused(dir, pharmacies.replace("delimiter: \";\"", "delimiter: \",\""), "delimiter and decimal-separator must");
        assertRefused(dir, pharmacies.replace("specialties: [PHARMACY]", "specialties: [PHARMACIE]"), "unknown specialty 'PHARMACIE'");
    }

    private static void assertRefused(Path dir, String yaml, String reason) throws IOException {
        Files.writeString(dir.resolve("pharmacies.yaml"), yaml);
        assertThatThrownBy(() -> new InvoiceLayouts(dir.toString())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pharmacies.yaml").hasMessageContaining(reason);
    }

    @Test
    void anUnreadableActRefusesItsInvoiceWholeAndAnActWithoutItsInvoiceIsRefused() {
        InvoiceLayout layout = new InvoiceLayouts(MAPPINGS.toString()).group("pharmacies");
        List<LineError> loose = new ArrayList<>();
        List<InvoiceRecords.Invoice> invoices = InvoiceRecords.read(layout, List.of(
                new RawLine(2, "F;A-1;SFX-003;18/11/2026;10,000;000001-01;0;;;", false),
                new RawLine(3, "L;A-1;18/11/2026;PH;1;10,000;", false),
                new RawLine(4, "F;A-2;SFX-003;31/02/2026;10,000;000001-01;0;;;", false),
                new RawLine(5, "L;A-2;18/11/2026;PH;1;10,000;", false),
                new RawLine(6, "L;A-3;18/11/2026;PH;1;10,000;", false),
                new RawLine(7, "X;A-4", false),
                new RawLine(8, "F;A-5;SFX-003;18/11/2026;10,000;000001-01;0;;;", false),
                new RawLine(9, "L;A-5;18/11/2026;PH;1;10,000", false),
                new RawLine(10, "L;A-5;18/11/2026;PH;1;-1,000;", false)), loose);
        assertThat(invoices).extracting(InvoiceRecords.Invoice::number).containsExactly("A-1", "A-2", "A-5");
        assertThat(invoices.get(0).readable()).isTrue();
        assertThat(invoices.get(0).acts()).singleElement().satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("10.000"));
        assertThat(invoices.get(1).refusedWhole()).extracting(e -> e.lineNo() + " " + e.code())
                .as("31 February is no date").containsExactly("4 MALFORMED_LINE", "5 INVOICE_REFUSED");
        assertThat(loose).extracting(e -> e.lineNo() + " " + e.code()).containsExactly("6 INVOICE_REFUSED", "7 MALFORMED_LINE");
        assertThat(invoices.get(2).refusedWhole()).extracting(e -> e.lineNo() + " " + e.code() + " " + e.message())
                .containsExactly("8 INVOICE_REFUSED line 9 of this invoice is refused: the invoice is refused whole; correct it and send the invoice again",
                        "9 MALFORMED_LINE an act record has 7 columns, this one 6",
                        "10 MALFORMED_LINE the amount cannot be negative");
    }
}
