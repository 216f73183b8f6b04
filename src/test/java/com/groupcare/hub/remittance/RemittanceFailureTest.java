package com.groupcare.hub.remittance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A remittance whose trailer lies is refused whole; a crash in the middle of one loses and doubles nothing. */
class RemittanceFailureTest extends RemittanceSamples {

    @Autowired
    CamelContext camel;

    @AfterEach
    void noMoreCrashes() {
        jdbc.execute("drop trigger if exists crash_once on payable");
        jdbc.execute("drop trigger if exists refuse_sfx005 on payable");
    }

    static final AtomicInteger FIRST_CHUNK_DELIVERIES = new AtomicInteger();

    @Test
    void aFirstChunkRedeliveredAfterTheNextOneArrivedStillGoesFirst() throws Exception {
        claimsSentToTheInsurer();
        FIRST_CHUNK_DELIVERIES.set(0);
        AdviceWith.adviceWith(camel, "insurer-remittance-apply", route -> route.weaveByType(org.apache.camel.model.BeanDefinition.class)
                .before().process(e -> {
                    if (e.getMessage().getBody() instanceof com.groupcare.hub.exchange.ChunkRef chunk && chunk.chunkNo() == 0
                            && FIRST_CHUNK_DELIVERIES.incrementAndGet() == 1) {
                        throw new IllegalStateException("simulated: the first chunk's first delivery dies");
                    }
                }));
        Map<String, Object> exchange = dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS");
        assertThat(FIRST_CHUNK_DELIVERIES.get()).isGreaterThan(1);
        assertThat(jdbc.queryForList("select chunk_no from exchange_chunk where exchange_id = ? order by processed_at, chunk_no",
                Integer.class, exchange.get("id"))).as("applied in file order").containsExactly(0, 1, 2);
        assertFirstRemittance();
    }

    @Test
    void aChunkThatKeepsFailingFailsTheFileTheLaterChunksWaitAndAReplayAfterTheFixGivesExactTotals() {
        claimsSentToTheInsurer();
        // the second chunk (lines 6-9) pays SFX-005: the database refuses it until someone fixes the cause
        jdbc.execute("""
                create or replace function refuse_sfx005() returns trigger language plpgsql as $$
                begin raise exception 'simulated: a constraint the data breaks'; end $$""");
        jdbc.execute("create trigger refuse_sfx005 before insert on payable for each row when (new.payee = 'SFX-005') "
                + "execute function refuse_sfx005()");
        dropOverSftp("insurers/inbox", FIRST, sample("insurer-remittances/" + FIRST));
        Map<String, Object> failed = awaitExchange(FIRST);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("replayable", true);
        assertThat((String) failed.get("failure_reason")).contains("chunk 1 (lines 6-9)");
        assertThat(count("select count(*) from remittance_line")).as("chunk 0 applied, chunk 2 waits behind chunk 1").isEqualTo(4);
        assertThat(count("select count(*) from payable")).as("chunk 0's payables").isPositive();
        Map<?, ?> preview = as("operator").postForObject("/api/payments/batches/preview", Map.of("debtor", "STB-TND"), Map.class);
        assertThat((java.util.List<?>) preview.get("transfers")).as("a file half applied is not paid: its replay adds to its payables")
                .isEmpty();

        jdbc.execute("drop trigger refuse_sfx005 on payable");
        assertThat(as("integrator").postForEntity("/api/exchanges/" + failed.get("id") + "/replay", null, String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(awaitStatus(failed.get("id"), "DONE_WITH_ERRORS")).containsEntry("total_count", 11);
        assertFirstRemittance();
    }

    @Test
    void aWrongTrailerCountOrTotalRefusesTheWholeFileAndWritesNothing() {
        claimsSentToTheInsurer();
        String sample = new String(sample("insurer-remittances/" + FIRST), StandardCharsets.UTF_8);

        Map<String, Object> count = dropRemittance("REMB_POL-TRS-2026_20261126.csv",
                sample.replace("TOTAL;11;447.702", "TOTAL;12;447.702").getBytes(StandardCharsets.UTF_8), 1);
        assertThat(count).containsEntry("status", "FAILED");
        assertThat((String) count.get("failure_reason")).contains("announces 12 lines, the file has 11");

        Map<String, Object> total = dropRemittance("REMB_POL-TRS-2026_20261127.csv",
                sample.replace("TOTAL;11;447.702", "TOTAL;11;447.703").getBytes(StandardCharsets.UTF_8), 1);
        assertThat(total).containsEntry("status", "FAILED");
        assertThat((String) total.get("failure_reason")).contains("announces a total of 447.703, the lines add up to 447.702");

        Map<String, Object> cut = dropRemittance("REMB_POL-TRS-2026_20261128.csv",
                sample.substring(0, sample.indexOf("TOTAL")).getBytes(StandardCharsets.UTF_8), 1);
        assertThat((String) cut.get("failure_reason")).contains("no trailer line");

        Map<String, Object> header = dropRemittance("REMB_POL-TRS-2026_20261129.csv",
                sample.replace("montant_rembourse", "montant").getBytes(StandardCharsets.UTF_8), 1);
        assertThat((String) header.get("failure_reason")).contains("not the header of POL-TRS-2026's remittance layout");

        Map<String, Object> empty = dropRemittance("REMB_POL-TRS-2026_20261130.csv",
                (sample.substring(0, sample.indexOf('\n') + 1) + "TOTAL;0;0.000\n").getBytes(StandardCharsets.UTF_8), 1);
        assertThat(empty).as("a header and a trailer of nothing: a remittance of nothing").containsEntry("status", "DONE")
                .containsEntry("total_count", 0);

        assertThat(count("select count(*) from remittance_line") + count("select count(*) from payable")
                + count("select count(*) from complaint")).isZero();
        assertThat(count("select count(*) from exchange_error e join exchange x on x.id = e.exchange_id where x.flow = 'insurer-remittance'"))
                .isZero();
        assertThat(count("select count(*) from claim_state where status = 'SENT'")).isEqualTo(8);
    }

    @Test
    void aFileSavedOnWindowsWithAByteOrderMarkAndCrlfIsReadLikeAnyOther() {
        claimsSentToTheInsurer();
        String sample = new String(sample("insurer-remittances/" + FIRST), StandardCharsets.UTF_8);
        Map<String, Object> exchange = dropRemittance(FIRST, ("\uFEFF" + sample.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8), 1);
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 11);
        assertFirstRemittance();
    }

    @Test
    void aCrashInTheMiddleOfAChunkAndAnotherAfterItsCommitLeaveTheTotalsExact() throws Exception {
        claimsSentToTheInsurer();
        // the second chunk's transaction dies after its lines are written, before it commits
        jdbc.execute("create sequence if not exists crash_count");
        jdbc.execute("select setval('crash_count', 1, false)");
        jdbc.execute("""
                create or replace function crash_second_payables() returns trigger language plpgsql as $$
                begin
                  if nextval('crash_count') = 2 then raise exception 'simulated crash in the middle of a chunk'; end if;
                  return null;
                end $$""");
        jdbc.execute("create trigger crash_once after insert on payable for each statement execute function crash_second_payables()");
        // and the hub dies once after a chunk committed, before the broker heard of it
        AtomicInteger applied = new AtomicInteger();
        AdviceWith.adviceWith(camel, "insurer-remittance-apply", route -> route.weaveAddLast().process(e -> {
            if (applied.incrementAndGet() == 3) {
                throw new IllegalStateException("simulated crash after the commit");
            }
        }));

        Map<String, Object> exchange = dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 11);
        assertThat(jdbc.queryForObject("select last_value from crash_count", Long.class)).as("the crash happened").isGreaterThanOrEqualTo(2);
        awaitCondition(() -> applied.get() > 3); // the chunk that died after its commit came again, and was skipped
        assertFirstRemittance();
        assertThat(jdbc.queryForObject("select sum(amount_paid) from remittance_line where outcome <> 'SUSPENSE'", String.class))
                .isEqualTo("289.700");
    }

    @Test
    void theDatabaseItselfRefusesASecondFirstAnswerToAClaimLine() {
        claimsSentToTheInsurer();
        long line = jdbc.queryForObject("select min(id) from claim_line", Long.class);
        String insert = "insert into remittance_line (exchange_id, line_no, policy_number, claim_line_id, amount_paid, outcome, "
                + "first_answer) values (-1, ?, 'POL-TRS-2026', ?, 1, 'RECONCILED', ?)";
        jdbc.update(insert, 2, line, true);
        jdbc.update(insert, 3, line, false);
        assertThat(count("select count(*) from remittance_line where claim_line_id = " + line)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert, 4, line, true))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }
}
