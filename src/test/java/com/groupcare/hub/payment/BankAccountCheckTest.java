package com.groupcare.hub.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Known-valid accounts (the SWIFT IBAN registry's examples and their BBANs) and the same with one character wrong. */
class BankAccountCheckTest {

    @ParameterizedTest
    @CsvSource({
            "TN59 1000 6035 1835 9847 8831, IBAN",
            "10006035183598478831, RIB_TN",
            "MA64 0115 1900 0001 2050 0053 4921, IBAN",
            "011519000001205000534921, RIB_MA",
            "SN08 SN01 0015 2000 0485 0000 3035, IBAN",
            "SN0100152000048500003035, RIB_UEMOA",
            "CI93 CI00 8011 1301 1342 9120 0589, IBAN",
            "CI0080111301134291200589, RIB_UEMOA",
            "FR14 2004 1010 0505 0001 3M02 606, IBAN"})
    void knownValidAccountsPass(String account, String kind) {
        assertThat(BankAccountCheck.check(account)).satisfies(v -> {
            assertThat(v.valid()).as(v.reason()).isTrue();
            assertThat(v.kind()).isEqualTo(kind);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "TN59 1000 6035 1835 9847 8832, the IBAN's check digits or length are wrong",
            "10006035183598478832, the Tunisian RIB key is wrong",
            "011519000001205000534922, the Moroccan RIB key is wrong",
            "SN0100152000048500003036, the UEMOA RIB key is wrong",
            "CI0080111301134291200598, the UEMOA RIB key is wrong",
            "MA64 0115 1900 0001 2050 0053 492, the IBAN's check digits or length are wrong",
            "XX12 3456, an IBAN of a country the hub does not know",
            "1234, 'neither an IBAN nor a Tunisian, Moroccan or UEMOA RIB'",
            "'', no bank account"})
    void wrongAccountsAreRefusedWithTheReason(String account, String reason) {
        assertThat(BankAccountCheck.check(account)).satisfies(v -> {
            assertThat(v.valid()).isFalse();
            assertThat(v.reason()).isEqualTo(reason);
        });
    }
}
