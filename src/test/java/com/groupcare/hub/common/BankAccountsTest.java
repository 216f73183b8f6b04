package com.groupcare.hub.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BankAccountsTest {

    @Test
    void ribKeyIsNinetySevenMinusTheRemainder() {
        // 080010000123456789 x 100 = 8001000012345678900; mod 97 = 1; key = 97 - 1 = 96
        assertThat(BankAccounts.ribKey("080010000123456789")).isEqualTo("96");
        assertThat(BankAccounts.isValid("08001000012345678996")).isTrue();
        assertThat(BankAccounts.isValid("08001000012345678940")).isFalse();
        assertThat(BankAccounts.isValid("0800100001234567899")).isFalse();
    }

    @Test
    void ibanIsCheckedWithIso13616() {
        assertThat(BankAccounts.isValid("FR7630006000011234567890189")).isTrue();
        assertThat(BankAccounts.isValid("FR7630006000011234567890188")).isFalse();
        assertThat(BankAccounts.isValid("TN59 1000 6035 1835 9847 8831")).isTrue();
    }

    @Test
    void personalDataIsMasked() {
        assertThat(PersonalData.mask("12345678")).isEqualTo("12****78");
        assertThat(PersonalData.mask("ABC")).isEqualTo("A**");
        assertThat(PersonalData.mask(null)).isEmpty();
    }
}
