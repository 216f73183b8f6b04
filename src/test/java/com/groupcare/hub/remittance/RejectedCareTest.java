package com.groupcare.hub.remittance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Care the insurer refused to pay used nothing of the member's rights: a lab test rejected does not
 * count among the year's three, so three more that year are all reimbursed.
 */
class RejectedCareTest extends RemittanceSamples {

    @Test
    void aLineTheInsurerRejectedNoLongerCountsAgainstTheYearlyCount() {
        claimsSentToTheInsurer();
        String rejection = """
                bordereau;bulletin;ligne;matricule;rang;acte;date_soins;montant_rembourse;code_rejet
                POL-TRS-2026-00001;BS-26-0008;1;000002;10;LAB;13/11/2026;0.000;R04
                TOTAL;1;0.000
                """;
        Map<String, Object> exchange = dropRemittance("REMB_POL-TRS-2026_20261125.csv", rejection.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(exchange).containsEntry("status", "DONE");
        assertThat(jdbc.queryForObject("select status from claim_state where claim_number = 'BS-26-0008'", String.class))
                .isEqualTo("REJECTED_BY_INSURER");

        // LAB: 75 %, three a year (mappings/contracts/POL-TRS-2026.yaml); BS-26-0008 was the first this year
        assertThat(List.of(lab("BS-LAB-1", "2026-11-20"), lab("BS-LAB-2", "2026-11-21"), lab("BS-LAB-3", "2026-11-22")))
                .containsExactly("30 ", "30 ", "30 ");
        assertThat(lab("BS-LAB-4", "2026-11-23")).isEqualTo("0 MAX_COUNT");
    }

    @SuppressWarnings("unchecked")
    private String lab(String number, String date) {
        ResponseEntity<Map<String, Object>> created = as("operator").exchange("/api/claims", HttpMethod.POST, new HttpEntity<>(
                Map.of("claimNumber", number, "policyNumber", "POL-TRS-2026", "matricule", "000002", "rank", 10,
                        "dateOfCare", date, "lines", List.of(Map.of("actCode", "LAB", "quantity", 1, "amountCharged", "40.000")))),
                new ParameterizedTypeReference<>() { });
        assertThat(created.getStatusCode().is2xxSuccessful()).as(String.valueOf(created.getBody())).isTrue();
        Map<String, Object> line = ((List<Map<String, Object>>) created.getBody().get("lines")).get(0);
        return new java.math.BigDecimal(String.valueOf(line.get("expected"))).stripTrailingZeros().toPlainString() + " "
                + String.join(",", (List<String>) line.get("reasons"));
    }
}
