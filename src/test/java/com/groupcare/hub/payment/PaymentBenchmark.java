package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.groupcare.hub.membership.HrExportGenerator;
import com.groupcare.hub.support.HeapWatch;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments benchmark (bench/payments.sh, issue 9): 100,000 employees through HR sync (their RIBs),
 * one payable each (generated in SQL: remittances are their own benchmark's business), then the
 * desk's confirmation through the API to the pain.001 file on the bank's SFTP server (batch SENT):
 * transfers made set-based, the file streamed. Measured with the heap; the file is then checked
 * against the official schema. Tag "benchmark".
 */
@Tag("benchmark")
@TestPropertySource(properties = {"hub.hr.chunk-size=1000"})
class PaymentBenchmark extends HubIntegrationTest {

    @Test
    void aHundredThousandTransfersToAPain001() throws Exception {
        int employees = Integer.getInteger("bench.employees", 100_000);
        Path hr = Files.createTempFile("hr-", ".csv");
        HrExportGenerator.write(hr, employees, 42L, LocalDate.of(2026, 11, 1));
        try (var in = Files.newInputStream(hr)) {
            dropOverSftp("hr/inbox", "RH_COMPLET_20261101.csv", in);
        }
        awaitExchange("RH_COMPLET_20261101.csv");
        int payables = jdbc.update("""
                insert into payable (exchange_id, policy_number, currency, payee_type, payee, lines, amount, recovered, net_amount,
                                     status, created_at, updated_at)
                select 0, 'POL-TRS-2026', 'TND', 'MEMBER', m.id::text, 1, 10 + (row_number() over (order by m.matricule)) % 500 + 0.125,
                       0, 10 + (row_number() over (order by m.matricule)) % 500 + 0.125, 'PAYABLE', now(), now()
                from member m where m.bank_account is not null""");
        jdbc.execute("vacuum analyze payable");

        System.gc();
        HeapWatch heap = new HeapWatch();
        heap.start();
        long t0 = System.nanoTime();
        Map<String, Object> batch = as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "STB-TND"), Map.class);
        long confirmed = System.nanoTime();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (count("select count(*) from payment_batch where status = 'SENT'") == 0 && System.nanoTime() < deadline) {
            sleep(50);
        }
        long sent = System.nanoTime();
        heap.stopWatching();
        heap.join();

        int transfers = ((Number) batch.get("transferCount")).intValue();
        Path file = sftpServer.root().resolve("bank/outbox/" + batch.get("batchNumber") + ".xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/main/xsd/pain.001.001.03.xsd").toFile())
                .newValidator().validate(new StreamSource(file.toFile()));
        assertThat(jdbc.queryForObject("select sum(amount) from transfer", BigDecimal.class))
                .isEqualByComparingTo(jdbc.queryForObject("select sum(net_amount) from payable where transfer_id is not null", BigDecimal.class));
        String text = String.format("""
                | payables | transfers | held back | file MB | confirm answered s | confirm to file on the bank's server s | peak heap used MB | max live heap after GC MB |
                |---|---|---|---|---|---|---|---|
                | %,d | %,d | %,d | %.1f | %.1f | %.1f | %d | %d |

                %,d employees; max heap (-Xmx): %d MB, %d cores, %s %s
                """, payables, transfers, ((java.util.List<?>) batch.get("held")).size(), Files.size(file) / 1e6,
                (confirmed - t0) / 1e9, (sent - t0) / 1e9, heap.peakUsed.get() >> 20, heap.maxLiveAfterGc() >> 20, employees,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path out = Path.of("target", "benchmarks", "payments.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
        Files.delete(hr);
    }
}
