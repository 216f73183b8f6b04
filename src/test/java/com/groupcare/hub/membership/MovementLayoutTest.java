package com.groupcare.hub.membership;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Movement layouts are checked when the hub starts: a typo stops it with the file and the reason. */
class MovementLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theRepositoryMappingsAreValidAndTellAcknowledgementsApart() {
        MovementMappings mappings = new MovementMappings("mappings/insurers");
        assertThat(mappings.get("POL-ATL-2026")).get().satisfies(l -> assertThat(l.orgUnits()).containsExactly("DTM"));
        assertThat(mappings.isAck("ACK_MVT_POL-TRS-2026_20261120.csv")).isTrue();
        assertThat(mappings.isAck("ATL_ACK_20261120.txt")).isTrue();
        assertThat(mappings.get("POL-TRS-2026")).get().satisfies(l -> assertThat(l.ack().header()).isEqualTo("reference;statut;code"));
        assertThat(mappings.isAck("REMB_POL-TRS-2026_20261125.csv")).isFalse();
    }

    @Test
    void aTypoInAFieldOrAScheduleStopsTheHubWithTheReason() throws IOException {
        String yaml = Files.readString(Path.of("mappings/insurers/POL-TRS-2026.yaml"));
        Files.writeString(dir.resolve("POL-TRS-2026.yaml"), yaml.replace("field: birthDate", "field: birthdate"));
        assertThatThrownBy(() -> new MovementMappings(dir.toString())).hasMessageContaining("POL-TRS-2026.yaml")
                .hasMessageContaining("needs a name and a known field");
        Files.writeString(dir.resolve("POL-TRS-2026.yaml"), yaml.replace("\"0 0 18 * * MON-FRI\"", "\"every day at six\""));
        assertThatThrownBy(() -> new MovementMappings(dir.toString())).hasMessageContaining("is not a cron expression");
        Files.writeString(dir.resolve("POL-TRS-2026.yaml"), yaml.replace("RETRAIT: RET, ", ""));
        assertThatThrownBy(() -> new MovementMappings(dir.toString())).hasMessageContaining("must give INCORPORATION, RETRAIT and MODIFICATION");
        Files.writeString(dir.resolve("POL-TRS-2026.yaml"), yaml.replaceAll("\n\\s+header: \"reference;statut;code\"[^\n]*", ""));
        assertThatThrownBy(() -> new MovementMappings(dir.toString())).hasMessageContaining("acknowledgement")
                .hasMessageContaining("'header' must be the acknowledgement's first line");
    }
}
