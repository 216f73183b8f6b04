package com.groupcare.hub.claim;

import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider at the counter asks about a card, a date and an act; only the PROVIDER role may; every call is audited. */
class RightsCheckTest extends HubIntegrationTest {

    Map<String, Object> ask(String query) {
        return as("provider").getForObject("/api/rights?" + query, Map.class);
    }

    @Test
    void aProviderLearnsWhatIsCoveredForAMemberALeaverAChildPastTheAgeLimitAndAnUncoveredAct() {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        dropHrFile("RH_DELTA_20261115.csv", sample("hr/RH_DELTA_20261115.csv"));
        awaitExchange("RH_DELTA_20261115.csv");

        Map<String, Object> pharmacy = ask("card=000001-01&rank=0&date=2026-11-20&act=PH");
        assertThat(pharmacy).containsEntry("covered", true).containsEntry("rate", 0.90).containsEntry("voucherRequired", false)
                .containsEntry("policyNumber", "POL-TRS-2026").containsEntry("currency", "TND")
                .containsEntry("maxReimbursable", 2000.0).as("the beneficiary's yearly ceiling, nothing used yet");
        assertThat(pharmacy.keySet()).as("nothing personal").doesNotContain("name", "lastName", "nationalId", "address", "bankAccount");
        assertThat(ask("card=000001-01&rank=0&date=2026-11-20&act=OPT")).containsEntry("covered", true)
                .containsEntry("voucherRequired", true).containsEntry("maxReimbursable", 250.0);

        assertThat(ask("card=000001-01&rank=0&date=2026-11-20&act=ACU")).containsEntry("covered", false)
                .satisfies(a -> assertThat(a.get("reasons")).asList().containsExactly("ACT_NOT_COVERED"));
        assertThat(ask("card=000002-01&rank=11&date=2041-01-01&act=C1")).as("a child past the age limit")
                .containsEntry("covered", false).satisfies(a -> assertThat(a.get("reasons")).asList().containsExactly("AGE_LIMIT"));
        Map<String, Object> leaver = ask("card=000200-01&rank=0&date=2026-11-20&act=C1");
        assertThat(leaver).as("the leaver of the delta, care after his leave date").containsEntry("covered", false)
                .containsEntry("cardStatus", "REVOKED").satisfies(a -> assertThat(a.get("reasons")).asList().containsExactly("RIGHTS_CLOSED"));
        assertThat(ask("card=000200-01&rank=0&date=2026-11-10&act=C1")).as("the same card, care before he left").containsEntry("covered", true);

        for (String other : new String[] {"admin", "operator", "integrator", "auditor"}) {
            assertThat(as(other).getForEntity("/api/rights?card=000001-01&date=2026-11-20&act=PH", String.class).getStatusCode())
                    .as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("provider").getForEntity("/api/members/000001", String.class).getStatusCode())
                .as("a provider sees nothing else").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("provider").getForEntity("/api/rights?card=999999-01&date=2026-11-20&act=PH", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count("select count(*) from audit_entry where entity_type = 'RIGHTS_CHECK' and actor = 'provider'")).isEqualTo(7);
    }
}
