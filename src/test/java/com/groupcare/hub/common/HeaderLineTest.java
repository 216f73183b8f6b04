package com.groupcare.hub.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderLineTest {

    @Test
    void theSameNamesWhateverTheirCaseSpacesOrByteOrderMark() {
        assertThat(HeaderLine.matches("reference;statut;motif", "reference;statut;motif", ";")).isTrue();
        assertThat(HeaderLine.matches("reference;statut;motif", "\uFEFF REFERENCE ; Statut;motif  ", ";")).isTrue();
        assertThat(HeaderLine.matches("REF|STATUT|CODE", "ref | statut | code", "|")).isTrue();
    }

    @Test
    void aRecordOrOtherColumnsAreNotTheHeader() {
        assertThat(HeaderLine.matches("reference;statut;motif", "PAY-000001-1;REJETE;Compte cloture", ";")).isFalse();
        assertThat(HeaderLine.matches("reference;statut;motif", "reference;statut", ";")).isFalse();
        assertThat(HeaderLine.matches("reference;statut;motif", "statut;reference;motif", ";")).isFalse();
        assertThat(HeaderLine.matches("reference;statut;motif", "reference,statut,motif", ";")).isFalse();
    }
}
