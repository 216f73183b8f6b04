package com.groupcare.hub.remittance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Insurer mappings are checked when the hub starts: a typo stops it with the file and the reason. */
class RemittanceLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theMappingsInTheRepositoryAreValid() {
        InsurerMappings mappings = new InsurerMappings("mappings/insurers");
        assertThat(mappings.remittanceFor("REMB_POL-TRS-2026_20261125.csv")).get()
                .satisfies(e -> assertThat(e.getKey().policyNumber()).isEqualTo("POL-TRS-2026"));
        assertThat(mappings.remittanceFor("RMB-ATL-20261126.txt")).get()
                .satisfies(e -> assertThat(e.getKey().format()).isEqualTo(RemittanceLayout.Format.FIXED));
        assertThat(mappings.remittanceFor("REMB_POL-TRS-2026_20261331.csv")).as("not a date").isEmpty();
        assertThat(mappings.complaints("POL-ATL-2026")).isPresent();
    }

    @Test
    void aTypoInAFieldNameStopsTheHubWithTheFileAndTheField() throws IOException {
        String yaml = Files.readString(Path.of("mappings/insurers/POL-TRS-2026.yaml"))
                .replace("field: amountPaid", "field: amountPayed");
        Files.writeString(dir.resolve("POL-TRS-2026.yaml"), yaml);
        assertThatThrownBy(() -> new InsurerMappings(dir.toString())).hasMessageContaining("POL-TRS-2026.yaml")
                .hasMessageContaining("unknown field 'amountPayed'");
    }

    @Test
    void aFixedWidthColumnWithoutPositionOrAMissingTrailerIsRefused() throws IOException {
        String yaml = Files.readString(Path.of("mappings/insurers/POL-ATL-2026.yaml"));
        Files.writeString(dir.resolve("POL-ATL-2026.yaml"), yaml.replace("start: 23, length: 12", "length: 12"));
        assertThatThrownBy(() -> new InsurerMappings(dir.toString())).hasMessageContaining("needs start and length");
        Files.writeString(dir.resolve("POL-ATL-2026.yaml"), yaml.replace("  trailer:\n", "  trailers:\n"));
        assertThatThrownBy(() -> new InsurerMappings(dir.toString())).hasMessageContaining("unknown key 'trailers'");
    }

    @Test
    void linesAreReadExactlyOrRejectedWithTheirNumberAndReason() {
        RemittanceLayout layout = new InsurerMappings("mappings/insurers").remittance("POL-ATL-2026");
        List<LineError> errors = new java.util.ArrayList<>();
        List<RemittanceEntry> entries = RemittanceLines.parse(layout, 3, List.of(
                new RawLine(2, "0200000500C2  09112026+00000036000   ", false),
                new RawLine(3, "0200000500C2  09112026-00000001500   ", false),
                new RawLine(4, "0200000500C2  31022026+00000036000   ", false),
                new RawLine(5, "0200000500C2  09112026+00000036000Z99", false),
                new RawLine(6, "0200000500C2  0911", false),
                new RawLine(7, "0200000500PH  09112026+00000018000", false)), errors::add);
        assertThat(entries).as("a paid line whose blank rejection code was trimmed away is read whole")
                .extracting(RemittanceEntry::amountPaid).containsExactly(new java.math.BigDecimal("36.000"),
                new java.math.BigDecimal("-1.500"), new java.math.BigDecimal("18.000"));
        assertThat(entries.get(0).dateOfCare()).isEqualTo(java.time.LocalDate.of(2026, 11, 9));
        assertThat(errors).extracting(LineError::lineNo, LineError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "BAD_DATE"), org.assertj.core.groups.Tuple.tuple(5, "UNKNOWN_REJECTION_CODE"),
                org.assertj.core.groups.Tuple.tuple(6, "BAD_DATE"));
        RemittanceLayout csv = new InsurerMappings("mappings/insurers").remittance("POL-TRS-2026");
        List<LineError> hostile = new java.util.ArrayList<>();
        RemittanceLines.parse(csv, 3, List.of(
                new RawLine(2, "POL-TRS-2026-00001;" + "B".repeat(31) + ";1;000001;0;C1;10/11/2026;20.000;", false),
                new RawLine(3, "POL-TRS-2026-00001;BS-1;1;000001;0;C1;10/11/2026;9999999999999999.000;", false),
                new RawLine(4, "POL-TRS-2026-00001;BS-1;99999999999;000001;0;C1;10/11/2026;1.000;", false),
                new RawLine(5, "POL-TRS-2026-00001;BS-\u00001;1;000001;0;C1;10/11/2026;1.000;", false),
                new RawLine(6, "POL-TRS-2026-00001;BS-1;1;000001;0;C1;01/01/0000;1.000;", false)), hostile::add);
        assertThat(hostile).as("values the database could not hold are line errors, never a failed chunk")
                .extracting(LineError::lineNo, LineError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "MALFORMED_LINE"), org.assertj.core.groups.Tuple.tuple(3, "BAD_AMOUNT"),
                        org.assertj.core.groups.Tuple.tuple(4, "MALFORMED_LINE"), org.assertj.core.groups.Tuple.tuple(5, "MALFORMED_LINE"),
                        org.assertj.core.groups.Tuple.tuple(6, "BAD_DATE"));
        assertThat(hostile.get(3).message()).contains("control character");
        assertThatThrownBy(() -> RemittanceLines.amount(csv, 3, "12.0005")).hasMessageContaining("more than 3 decimals");
        assertThat(Map.of("ok", RemittanceLines.amount(csv, 3, "12.5"))).containsEntry("ok", new java.math.BigDecimal("12.500"));
    }
}
