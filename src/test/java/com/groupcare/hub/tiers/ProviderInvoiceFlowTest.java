package com.groupcare.hub.tiers;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderInvoiceFlowTest extends InvoiceSamples {

    @Test
    void theSamplesOfTwoProviderGroupsAreCheckedLineByLine() {
        membersAndProviders();
        Map<String, Object> pharmacies = dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);
        Map<String, Object> clinics = dropInvoices(CLINICS, sample("provider-invoices/" + CLINICS), 1);
        System.out.println("PHARMA " + pharmacies);
        outcomes(pharmacies.get("id")).forEach(System.out::println);
        System.out.println(jdbc.queryForList("select line_no, message from provider_invoice_line where exchange_id = ? order by line_no", pharmacies.get("id")));
        System.out.println("CLINICS " + clinics);
        outcomes(clinics.get("id")).forEach(System.out::println);
        System.out.println(jdbc.queryForList("select line_no, message from provider_invoice_line where exchange_id = ? order by line_no", clinics.get("id")));
        System.out.println(awaitAck("ACK_" + PHARMACIES));
        System.out.println(awaitAck("ACK_" + CLINICS));
        System.out.println(jdbc.queryForList("select claim_number, provider_code, status, total_expected from claim order by id"));
        assertThat(pharmacies.get("status")).isEqualTo("DONE_WITH_ERRORS");
    }
}
