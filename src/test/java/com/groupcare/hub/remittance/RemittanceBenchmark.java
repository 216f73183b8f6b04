package com.groupcare.hub.remittance;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.groupcare.hub.membership.HrExportGenerator;
import com.groupcare.hub.support.HeapWatch;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remittance benchmark (bench/remittance.sh, issue 7), the production path end to end: members and
 * families through HR sync; claim lines already valued and sent (generated in SQL: valuing a
 * million lines is the claims benchmark's business); the insurer's remittance answering them
 * (1 % differences, 0.5 % unknown claims, 0.1 % malformed) uploaded over SFTP; measured from the
 * end of the upload to the exchange finished (the last payable committed), with the heap; and, in
 * the same run, PostgreSQL's own COPY of the same file into a bare table. Tag "benchmark".
 */
@Tag("benchmark")
@TestPropertySource(properties = {"hub.hr.chunk-size=1000", "hub.remittance.chunk-size=20000",
        "logging.level.com.groupcare.hub.remittance.RemittanceApplier=DEBUG",
        "logging.level.com.groupcare.hub.remittance.RemittanceRows=DEBUG"})
class RemittanceBenchmark extends HubIntegrationTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TransactionTemplate tx;

    @Test
    void aMillionLineRemittanceOverSftp() throws Exception {
        int employees = Integer.getInteger("bench.employees", 100_000);
        int claimLines = Integer.getInteger("bench.lines", 1_000_000);
        Path hr = Files.createTempFile("hr-", ".csv");
        HrExportGenerator.write(hr, employees, 42L, LocalDate.of(2026, 1, 1));
        try (var in = Files.newInputStream(hr)) {
            dropOverSftp("hr/inbox", "RH_COMPLET_20260101.csv", in);
        }
        assertThat(awaitExchange("RH_COMPLET_20260101.csv")).containsEntry("rejected_count", 0);
        long setup = System.nanoTime();
        claimsSent(claimLines / 2);
        System.out.printf("%n%,d claim lines valued and sent, generated in %.1f s%n", claimLines, (System.nanoTime() - setup) / 1e9);

        Path file = Files.createTempFile("remittance-", ".csv");
        long[] shape = writeRemittance(file);
        System.gc();
        HeapWatch heap = new HeapWatch();
        heap.start();
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            dropOverSftp("insurers/inbox", "REMB_POL-TRS-2026_20261201.csv", in);
        }
        long uploaded = System.nanoTime();
        Map<String, Object> exchange = awaitExchange("REMB_POL-TRS-2026_20261201.csv");
        long done = System.nanoTime();
        heap.stopWatching();
        heap.join();

        assertThat(exchange.get("status")).as(String.valueOf(exchange.get("failure_reason"))).isEqualTo("DONE_WITH_ERRORS");
        assertThat(((Number) exchange.get("rejected_count")).longValue()).isEqualTo(shape[1]);
        long recorded = count("select count(*) from remittance_line");
        assertThat(recorded).isEqualTo(shape[0] - shape[1]);
        BigDecimal paid = jdbc.queryForObject("select sum(amount) from payable", BigDecimal.class);
        BigDecimal answered = jdbc.queryForObject("select sum(amount_paid) from remittance_line where outcome in "
                + "('RECONCILED', 'UNDERPAID', 'OVERPAID', 'REGULARISATION')", BigDecimal.class);
        assertThat(paid).as("every amount paid is payable once").isEqualByComparingTo(answered);
        int payables = count("select count(*) from payable");
        int suspense = count("select count(*) from remittance_line where outcome = 'SUSPENSE'");
        int complaints = count("select count(*) from complaint");
        int overpayments = count("select count(*) from overpayment");

        double copySeconds = copyIntoBareTable(file);
        double seconds = (done - uploaded) / 1e9;
        String text = String.format("""
                | lines in file | file MB | recorded | malformed | suspense | complaints | overpayments | payables | upload s | end of upload to last payable s | lines/s | COPY of the file into a bare table s | ratio | peak heap used MB | max live heap after GC MB |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                | %,d | %.1f | %,d | %,d | %,d | %,d | %,d | %,d | %.1f | %.1f | %,.0f | %.2f | ratio %.1f | %d | %d |

                %,d employees with their families; max heap (-Xmx): %d MB, %d cores, %s %s
                """, shape[0], Files.size(file) / 1e6, recorded, shape[1], suspense, complaints, overpayments, payables,
                (uploaded - t0) / 1e9, seconds, shape[0] / seconds, copySeconds, seconds / copySeconds, heap.peakUsed.get() >> 20,
                heap.maxLiveAfterGc() >> 20, employees, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path out = Path.of("target", "benchmarks", "remittance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
        Files.delete(file);
        Files.delete(hr);
    }

    /**
     * Not the product: a probe of the floor a pure-SQL design would reach on the same data (stage the
     * parsed file with COPY, one INSERT ... SELECT of the answers, payables per payee, claim statuses),
     * to say in docs/benchmarks.md what was tried. Runs with -Dbench.probe=true.
     */
    @Test
    void setBasedFloorProbe() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("bench.probe"));
        int claimLines = Integer.getInteger("bench.lines", 1_000_000);
        Path hr = Files.createTempFile("hr-", ".csv");
        HrExportGenerator.write(hr, Integer.getInteger("bench.employees", 100_000), 42L, LocalDate.of(2026, 1, 1));
        try (var in = Files.newInputStream(hr)) {
            dropOverSftp("hr/inbox", "RH_COMPLET_20260101.csv", in);
        }
        awaitExchange("RH_COMPLET_20260101.csv");
        claimsSent(claimLines / 2);
        Path file = Files.createTempFile("remittance-", ".csv");
        writeRemittance(file);
        StringBuilder out = new StringBuilder();
        double copy = copyIntoBareTable(file);
        out.append(String.format("COPY raw %.2f s%n", copy));
        jdbc.execute("create unlogged table probe_stage (line_no int, claim_number varchar(30), claim_line_no int, "
                + "amount numeric(18,3), code varchar(5))");
        long t = System.nanoTime();
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try (var lines = Files.lines(file)) {
                var copier = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy probe_stage from stdin with (format csv)");
                int[] no = {1};
                StringBuilder buf = new StringBuilder(1 << 20);
                lines.skip(1).forEach(l -> {
                    no[0]++;
                    String[] f = l.split(";", -1);
                    if (f.length == 9) {
                        buf.append(no[0]).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[7]).append(',')
                                .append(f[8]).append('\n');
                    }
                    if (buf.length() > (1 << 20) - 200) {
                        byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
                        try { copier.writeToCopy(b, 0, b.length); } catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
                        buf.setLength(0);
                    }
                });
                byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
                copier.writeToCopy(b, 0, b.length);
                return copier.endCopy();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double stage = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        jdbc.update("""
                insert into remittance_line (exchange_id, line_no, policy_number, claim_number, claim_line_no, matched_by, claim_id,
                    claim_line_id, amount_paid, expected, difference, outcome, suspense_reason, first_answer)
                select 0, s.line_no, 'POL-TRS-2026', s.claim_number, s.claim_line_no, case when cl.id is not null then 'NUMBERS' end,
                       c.id, cl.id, s.amount, cl.expected, s.amount - cl.expected,
                       case when cl.id is null then 'SUSPENSE' when abs(s.amount - cl.expected) <= 0.5 then 'RECONCILED'
                            when s.amount > cl.expected then 'OVERPAID' else 'UNDERPAID' end,
                       case when cl.id is null then 'UNKNOWN_CLAIM' end, cl.id is not null
                from probe_stage s left join claim c on c.claim_number = s.claim_number
                left join claim_line cl on cl.claim_id = c.id and cl.line_no = s.claim_line_no""");
        double answers = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        int payees = jdbc.update("""
                insert into payable (exchange_id, policy_number, currency, payee_type, payee, lines, amount, recovered, net_amount,
                                     status, created_at, updated_at)
                select 0, 'POL-TRS-2026', 'TND', case when p.conventioned then 'PROVIDER' else 'MEMBER' end,
                       case when p.conventioned then c.provider_code else c.member_id::text end, count(*), sum(r.amount_paid), 0,
                       sum(r.amount_paid), 'PAYABLE', now(), now()
                from remittance_line r join claim c on c.id = r.claim_id join provider p on p.code = c.provider_code
                where r.exchange_id = 0 and r.outcome <> 'SUSPENSE' and r.amount_paid > 0 group by 4, 5""");
        double payables = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        int claims = jdbc.update("""
                insert into claim_answer (claim_id, status, updated_at)
                select distinct claim_id, 'REIMBURSED', now() from remittance_line where exchange_id = 0 and claim_id is not null""");
        double statuses = (System.nanoTime() - t) / 1e9;
        out.append(String.format("stage (Java parse + COPY) %.2f s, answers INSERT..SELECT %.2f s, %d payables per payee %.2f s, "
                + "%d claim statuses %.2f s: total %.2f s, ratio %.1f%n", stage, answers, payees, payables, claims, statuses,
                stage + answers + payables + statuses, (stage + answers + payables + statuses) / copy));
        Path probe = Path.of("target", "benchmarks", "remittance-probe.md");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, out);
        System.out.println(out);
    }

    /** Claims of two lines each, valued and sent in one transmittal, over every beneficiary in turn, a provider in two conventioned. */
    private void claimsSent(int claims) {
        jdbc.update("""
                insert into provider (code, name, specialty, conventioned, convention_start, status, created_at, updated_at)
                select 'BP-' || lpad(g::text, 3, '0'), 'Bench provider', 'GENERALIST', g % 2 = 0,
                       case when g % 2 = 0 then date '2020-01-01' end, 'ACTIVE', now(), now()
                from generate_series(0, 199) g""");
        long transmittal = jdbc.queryForObject("""
                insert into transmittal (transmittal_number, policy_number, currency, status, claim_count, total_expected,
                                         created_by, created_at, sent_at)
                values ('POL-TRS-2026-09999', 'POL-TRS-2026', 'TND', 'SENT', ?, 0, 'bench', now(), now()) returning id""",
                Long.class, claims);
        jdbc.execute("create table bench_beneficiary as select row_number() over (order by id) - 1 as n, id, member_id "
                + "from beneficiary where status = 'ACTIVE'");
        jdbc.execute("create index on bench_beneficiary (n)");
        jdbc.update("""
                insert into claim (claim_number, policy_number, currency, member_id, beneficiary_id, provider_code, date_of_care,
                                   status, total_charged, total_expected, transmittal_id, created_by, created_at, updated_at)
                select 'BB-' || lpad(g::text, 8, '0'), 'POL-TRS-2026', 'TND', b.member_id, b.id, 'BP-' || lpad((g % 200)::text, 3, '0'),
                       date '2026-03-01' + g % 200, 'SENT', 0, 0, ?, 'bench', now(), now()
                from generate_series(1, ?) g join bench_beneficiary b on b.n = g % (select count(*) from bench_beneficiary)""",
                transmittal, claims);
        jdbc.update("""
                insert into claim_line (claim_id, line_no, act_code, quantity, amount_charged, expected, reasons)
                select c.id, l, case l when 1 then 'C1' else 'PH' end, 1, 300.000, ((c.id * 37 + l * 101) % 20000 + 500) / 100.0, ''
                from claim c cross join generate_series(1, 2) l""");
        jdbc.update("update claim c set total_expected = s.e, total_charged = 600.000 from "
                + "(select claim_id, sum(expected) e from claim_line group by claim_id) s where s.claim_id = c.id");
        jdbc.execute("drop table bench_beneficiary");
        jdbc.execute("vacuum analyze claim");
        jdbc.execute("vacuum analyze claim_line");
    }

    /** The insurer's answer to every line: 1 % paid 5.000 more or less, 0.5 % for claims we never sent, 0.1 % malformed. */
    private long[] writeRemittance(Path file) {
        long[] shape = new long[2];
        BigDecimal[] total = {BigDecimal.ZERO.setScale(3)};
        tx.executeWithoutResult(status -> {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("bordereau;bulletin;ligne;matricule;rang;acte;date_soins;montant_rembourse;code_rejet\n");
                jdbc.setFetchSize(10_000);
                jdbc.query("""
                        select c.claim_number, cl.line_no, m.matricule, b.rank, cl.act_code, c.date_of_care, cl.expected
                        from claim_line cl join claim c on c.id = cl.claim_id join beneficiary b on b.id = c.beneficiary_id
                        join member m on m.id = c.member_id order by c.id, cl.line_no""", rs -> {
                    try {
                        long i = ++shape[0];
                        BigDecimal amount = rs.getBigDecimal(7);
                        if (i % 100 == 5) {
                            amount = amount.add(i % 200 == 5 ? new BigDecimal("5.000") : new BigDecimal("-5.000"));
                        }
                        String claim = i % 200 == 3 ? "BX-" + i : rs.getString(1);
                        String day = i % 1000 == 7 ? "31/02/2026" : rs.getObject(6, LocalDate.class).format(DAY);
                        shape[1] += i % 1000 == 7 ? 1 : 0;
                        total[0] = total[0].add(amount);
                        out.write("POL-TRS-2026-09999;" + claim + ";" + rs.getInt(2) + ";" + rs.getString(3) + ";" + rs.getInt(4)
                                + ";" + rs.getString(5) + ";" + day + ";" + amount.toPlainString() + ";\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                out.write("TOTAL;" + shape[0] + ";" + total[0].toPlainString() + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                jdbc.setFetchSize(-1);
            }
        });
        return shape;
    }

    /** PostgreSQL's floor: the same file COPY'd as it is into a table of one text column. */
    private double copyIntoBareTable(Path file) {
        jdbc.execute("create table bench_raw (line text)");
        long t0 = System.nanoTime();
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try (InputStream in = Files.newInputStream(file)) {
                return con.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_raw from stdin with (format text, delimiter E'\\x01')", in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        jdbc.execute("drop table bench_raw");
        return seconds;
    }
}
