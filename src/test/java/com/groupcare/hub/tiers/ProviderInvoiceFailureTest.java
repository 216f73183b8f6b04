package com.groupcare.hub.tiers;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A crash in the middle of an invoice file, after its claims are written: redelivered, it loses and doubles nothing. */
class ProviderInvoiceFailureTest extends InvoiceSamples {

    @AfterEach
    void noMoreCrashes() {
        jdbc.execute("drop trigger if exists crash_once on provider_invoice_line");
        jdbc.execute("drop sequence if exists crash_once_seq");
    }

    @Test
    void aChunkThatDiesAfterItsClaimsAreWrittenIsAppliedOnceOnRedelivery() {
        membersAndProviders();
        // the outcomes are written last in the chunk's transaction: the claims, their lines and ceilings are in by then
        jdbc.execute("create sequence crash_once_seq");
        jdbc.execute("""
                create or replace function crash_once() returns trigger language plpgsql as $$
                begin if nextval('crash_once_seq') = 1 then raise exception 'simulated: the hub dies mid-chunk'; end if;
                return new; end $$""");
        jdbc.execute("create trigger crash_once before insert on provider_invoice_line for each row execute function crash_once()");

        Map<String, Object> exchange = dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);

        assertThat(jdbc.queryForObject("select last_value from crash_once_seq", Long.class)).as("it did crash once").isGreaterThan(24);
        assertThat(outcomes(exchange.get("id"))).containsExactlyElementsOf(ProviderInvoiceFlowTest.PHARMACY_OUTCOMES);
        assertThat(count("select count(*) from claim")).isEqualTo(4);
        assertThat(jdbc.queryForObject("select sum(amount) from ceiling_reservation", java.math.BigDecimal.class))
                .as("ceilings consumed once").isEqualByComparingTo("2096.750");
        assertThat(awaitAck("ACK_" + PHARMACIES).split("\r\n")).hasSize(25);
        // the ack is recorded once the upload returns, a moment after the file shows on the server
        for (int i = 0; i < 100 && count("select count(*) from exchange where flow = 'provider-invoice-ack'") == 0; i++) {
            sleep(100);
        }
        assertThat(count("select count(*) from exchange where flow = 'provider-invoice-ack'")).isEqualTo(1);
    }
}
