package com.groupcare.hub.claim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example (docs/worked-example-claims.md) against the production ledger on PostgreSQL:
 * each claim valued in its own transaction by a fresh {@link JdbcConsumptionLedger}, which reads the
 * family's reservations back from the database, writes its own, and a cancellation releases them
 * there. Every line must come out as worked out by hand, and the remaining ceilings as the document says.
 */
class WorkedExampleOnPostgresTest extends HubIntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theWorkedExampleComesOutAsByHandOnTheProductionLedger() throws Exception {
        // claim rows for the reservations to belong to; the valuation reads family.csv's people
        dropHrFile("RH_DELTA_20260101.csv", ClaimApiTest.FAMILY.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
        Map<String, Object> holder = jdbc.queryForMap("select b.member_id, b.id from beneficiary b limit 1");
        Map<String, Long> ids = new HashMap<>();
        WorkedExampleTest.replay(new WorkedExampleTest.Book() {
            @Override
            public ConsumptionLedger open(String claimNumber) {
                ids.computeIfAbsent(claimNumber, n -> jdbc.queryForObject("""
                        insert into claim (claim_number, policy_number, currency, member_id, beneficiary_id, date_of_care, status,
                            total_charged, total_expected, created_by, created_at, updated_at)
                        values (?, 'POL-TRS-2026', 'TND', ?, ?, current_date, 'VALUED', 0, 0, 'test', now(), now()) returning id""",
                        Long.class, n, (UUID) holder.get("member_id"), (UUID) holder.get("id")));
                // as ClaimService does once the family is locked: its reservations read back from the database
                JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
                ledger.prepare(WorkedExampleTest.FAMILY);
                return ledger;
            }

            @Override
            public String claimId(String claimNumber) {
                return ids.get(claimNumber).toString();
            }

            @Override
            public void close(ConsumptionLedger ledger) {
                transactions.executeWithoutResult(t -> ((JdbcConsumptionLedger) ledger).flush());
            }

            @Override
            public void cancel(String claimNumber) {
                transactions.executeWithoutResult(t -> new JdbcConsumptionLedger(jdbc).release(ids.get(claimNumber).toString()));
            }
        });
        JdbcConsumptionLedger end = new JdbcConsumptionLedger(jdbc);
        end.prepare(WorkedExampleTest.FAMILY);
        WorkedExampleTest.assertRemainingCeilingsAsInTheDocument(end);
        assertThat(count("select count(*) from ceiling_reservation where policy_number = 'POL-TRS-2026'")).isPositive();
    }
}
