package com.groupcare.hub.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.groupcare.hub.platform.EmbeddedSftpServer;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub for all integration tests: embedded PostgreSQL, Artemis and SFTP, all real, under a
 * temporary data directory. Files go in over SFTP like a partner's would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamelSpringBootTest
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    private static final Path DATA_DIR = tempDir();
    private static final int SFTP_PORT = freePort();

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected Environment env;
    @Autowired
    protected EmbeddedSftpServer sftpServer;
    @Autowired
    protected TestRestTemplate http;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.embedded.sftp.port", () -> SFTP_PORT);
    }

    @BeforeEach
    protected void emptyTheDatabase() {
        // the hub's own timers (sweep, alerts) may hold a lock the truncate needs: a deadlock is tried again
        for (int attempt = 1; ; attempt++) {
            try {
                truncateEverything();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                sleep(200L * attempt);
            }
        }
    }

    /**
     * The database starts empty, so do the partners' outboxes: batch numbers start again at 1, and a file
     * an earlier test left under the same name is not this test's (the hub looks there before uploading).
     */
    @BeforeEach
    protected void emptyThePartnersOutboxes() throws IOException {
        for (String partner : EmbeddedSftpServer.PARTNERS) {
            Path outbox = sftpServer.root().resolve(partner).resolve("outbox");
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    for (Path file : files.toList()) {
                        org.springframework.util.FileSystemUtils.deleteRecursively(file);
                    }
                }
            }
        }
    }

    private void truncateEverything() {
        jdbc.execute("""
                truncate outbound_upload, claim_answer, console_alert, provider_invoice_ack, provider_invoice_line, movement_dispatch, movement_batch, card_batch, ceiling_correction, overpayment_recovery, overpayment, payable, complaint, complaint_file, remittance_line,
                         social_fund_voucher, social_fund_budget, ceiling_reservation, claim_line, claim, care_voucher, transmittal,
                         audit_entry, membership_movement, member_card, beneficiary, member, provider,
                         hr_sync_seen, hr_deferred_line, exchange_error, exchange_chunk, exchange restart identity cascade""");
        // contracts other than those of mappings/ are test-made (the catalog keeps its copy in memory)
        jdbc.update("delete from insurance_contract where source not like 'file:%'");
    }

    /**
     * Uploads like a partner: logged in with that partner's own account (the folder's first part,
     * e.g. {@code hr/inbox}), under a temporary name, then renamed, so the hub never reads half a file.
     */
    protected void dropOverSftp(String folder, String fileName, byte[] content) {
        dropOverSftp(folder, fileName, new ByteArrayInputStream(content));
    }

    protected void dropOverSftp(String folder, String fileName, java.io.InputStream content) {
        try {
            String partner = folder.substring(0, folder.indexOf('/'));
            Session session = new JSch().getSession(partner, "127.0.0.1", SFTP_PORT);
            session.setPassword(env.getProperty("hub.sftp." + partner + ".password"));
            session.setConfig("StrictHostKeyChecking", "no");
            session.connect(10_000);
            try {
                ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
                channel.connect(10_000);
                String target = "/" + folder.substring(folder.indexOf('/') + 1) + "/" + fileName;
                channel.put(content, target + ".part");
                channel.rename(target + ".part", target);
                channel.disconnect();
            } finally {
                session.disconnect();
            }
        } catch (Exception e) {
            throw new IllegalStateException("SFTP upload failed", e);
        }
    }

    /** The API as one of the demo users (their passwords are generated per data directory). */
    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, env.getProperty("hub.security.users." + user + ".password").replace("{noop}", ""));
    }

    protected void dropHrFile(String fileName, byte[] content) {
        dropOverSftp("hr/inbox", fileName, content);
    }

    /** Waits until the n-th exchange with this name is finished (done, duplicate or failed) and returns its row. */
    protected Map<String, Object> awaitExchange(String fileName, int occurrence) {
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("test.await-seconds", 60)).toNanos();
        while (System.nanoTime() < deadline) {
            var rows = jdbc.queryForList("""
                    select * from exchange where file_name = ? and status in ('DONE', 'DONE_WITH_ERRORS', 'DUPLICATE', 'FAILED')
                    order by id""", fileName);
            if (rows.size() >= occurrence) {
                return rows.get(occurrence - 1);
            }
            sleep(100);
        }
        throw new AssertionError("exchange " + fileName + " #" + occurrence + " not finished within 60 s: "
                + jdbc.queryForList("select id, file_name, status, failure_reason from exchange"));
    }

    /** Waits until the exchange with this id reaches the status. */
    protected Map<String, Object> awaitStatus(Object exchangeId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> row = Map.of();
        while (System.nanoTime() < deadline) {
            row = jdbc.queryForMap("select * from exchange where id = ?", exchangeId);
            if (status.equals(row.get("status"))) {
                return row;
            }
            sleep(100);
        }
        throw new AssertionError("exchange " + exchangeId + " not " + status + " within 60 s: " + row);
    }

    protected Map<String, Object> awaitExchange(String fileName) {
        return awaitExchange(fileName, 1);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    protected static byte[] sample(String path) {
        try {
            return Files.readAllBytes(Path.of("inbox-samples", path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("groupcare-test-");
            removeStaleDataDirs(dir.getParent());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Earlier runs' data directories (a benchmark's is gigabytes): once their PostgreSQL is stopped and
     * an hour has passed, they go, so a machine that runs the suite every day does not fill its disk.
     */
    private static void removeStaleDataDirs(Path tmp) {
        java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var dirs = Files.newDirectoryStream(tmp, "groupcare-test-*")) {
            for (Path dir : dirs) {
                if (!Files.exists(dir.resolve("postgres").resolve("postmaster.pid"))
                        && Files.getLastModifiedTime(dir).toInstant().isBefore(hourAgo)) {
                    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            // housekeeping only: a directory another user owns, or one going away meanwhile, is left as it is
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
