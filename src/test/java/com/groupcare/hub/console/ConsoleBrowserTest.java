package com.groupcare.hub.console;

import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrators' console in a real browser (headless Chromium), as an integrator, an auditor and the desk use it. */
class ConsoleBrowserTest extends HubIntegrationTest {

    static final String SNAPSHOT = "RH_COMPLET_20261101.csv";

    @LocalServerPort
    int port;

    @AfterEach
    void noMoreFaults() {
        jdbc.execute("drop trigger if exists refuse_member on member");
    }

    private Browser as(String user, Browser browser) {
        return browser.signIn(user, env.getProperty("hub.security.users." + user + ".password").replace("{noop}", ""));
    }

    /** A database fault on one member's line: its chunk keeps failing until someone fixes the cause. */
    private void breakOneMember() {
        jdbc.execute("""
                create or replace function refuse_member() returns trigger language plpgsql as $$
                begin raise exception 'simulated: a constraint the data breaks'; end $$""");
        jdbc.execute("create trigger refuse_member before insert on member for each row when (new.matricule = '000150') "
                + "execute function refuse_member()");
    }

    @Test
    void aBadHrFileShowsAsFailedWithItsRejectedLinesAndIsReplayedAfterTheFix() {
        breakOneMember();
        try (Browser browser = new Browser(port)) {
            as("integrator", browser).open("/console");
            assertThat(browser.find(By.id("flow-hr-sync")).getText()).startsWith("hr-sync");

            dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
            Map<String, Object> failed = awaitExchange(SNAPSHOT);
            assertThat(failed).containsEntry("status", "FAILED");
            // the overview counts it without a reload
            browser.waitUntil(d -> d.findElement(By.cssSelector("#flow-hr-sync .failed-today")).getText().equals("1"));
            browser.screenshot("overview");
            // on a phone the page never runs off the screen: the wide tables scroll inside their own box
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            Object overflow = browser.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).as("page wider than a phone's screen by").isLessThanOrEqualTo(0);
            browser.screenshot("overview-phone");
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));

            browser.find(By.cssSelector("#flow-hr-sync a")).click();
            browser.find(By.linkText(SNAPSHOT)).click();
            assertThat(browser.find(By.id("file-status")).getText()).isEqualTo("FAILED");
            assertThat(browser.find(By.id("failure")).getText()).contains("simulated: a constraint the data breaks");
            assertThat(browser.find(By.id("rejected")).getText()).as("the lines the file's other chunks rejected")
                    .contains("INVALID_DATE");
            assertThat(browser.find(By.id("timeline")).getText()).contains("RECEIVED", "SPLIT", "CHUNK APPLIED", "CHUNK FAILED", "FAILED");
            browser.screenshot("file");

            // the alert is raised while the file is failed
            String fileUrl = browser.driver.getCurrentUrl();
            String alert = "alert-file-failed-" + failed.get("id");
            browser.open("/console/alerts").waitUntil(d -> !d.findElements(By.id(alert)).isEmpty());
            assertThat(browser.find(By.id(alert)).getText()).contains("hr-sync", SNAPSHOT);

            jdbc.execute("drop trigger refuse_member on member");
            browser.driver.get(fileUrl);
            browser.clickAndConfirm(By.id("replay"));
            assertThat(browser.find(By.id("notice")).getText()).startsWith("Replayed");
            browser.waitUntil(d -> d.findElement(By.id("timeline")).getText().contains("DONE_WITH_ERRORS"));
            assertThat(browser.find(By.id("timeline")).getText()).contains("REPLAY by integrator");
            assertThat(awaitStatus(failed.get("id"), "DONE_WITH_ERRORS")).containsEntry("rejected_count", 13);
            assertThat(count("select count(*) from audit_entry where entity_type = 'exchange' and action = 'REPLAY' and actor = 'integrator'"))
                    .isEqualTo(1);
            // and cleared once it is done, kept in the recent alerts with its end
            browser.open("/console/alerts").waitUntil(d -> d.findElements(By.id(alert)).isEmpty());
            assertThat(browser.find(By.id("recent-alerts")).getText()).contains("file-failed " + failed.get("id"));
            assertThat(count("select count(*) from console_alert where rule = 'file-failed' and subject = ? and ended_at is not null",
                    failed.get("id").toString())).isEqualTo(1);
        }
    }

    static final java.util.concurrent.atomic.AtomicBoolean OUTBOX_DOWN = new java.util.concurrent.atomic.AtomicBoolean();

    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.CamelContext camel;
    @org.springframework.beans.factory.annotation.Autowired
    BrokerQueues queues;

    @Test
    void anAcknowledgementTheBrokerGaveUpOnIsRetriedFromTheQueuesPage() throws Exception {
        // the providers' server refuses every write: the acknowledgement's message dies after its deliveries
        org.apache.camel.builder.AdviceWith.adviceWith(camel, "provider-invoices-ack", route -> route.weaveAddFirst().process(e -> {
            if (OUTBOX_DOWN.get()) {
                throw new java.io.IOException("simulated: the providers' SFTP server refuses the upload");
            }
        }));
        // the dead-letter queue holds this test's letter only (the broker outlives every test's database)
        if (queues.queues().stream().anyMatch(q -> q.name().equals("provider.invoices.acks") && q.deadLetterDepth() > 0)) {
            queues.deadLetters("DLQ.provider.invoices.acks", 500).forEach(l -> queues.discard("DLQ.provider.invoices.acks", l.messageId()));
        }
        OUTBOX_DOWN.set(true);
        try {
            dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
            awaitExchange(SNAPSHOT);
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
            as("operator").postForEntity("/api/providers/import", new org.springframework.http.HttpEntity<>(
                    sample("providers/PRESTATAIRES_20261101.csv"), headers), String.class);
            String invoices = "TP_PHARMA_20261120_LOT01.csv";
            dropOverSftp("providers/inbox", invoices, sample("provider-invoices/" + invoices));
            awaitExchange(invoices);

            try (Browser browser = new Browser(port)) {
                as("integrator", browser).open("/console/queues");
                browser.waitUntil(d -> d.findElement(By.id("queue-provider.invoices.acks")).getText().contains("1 in DLQ.provider.invoices.acks"));
                browser.screenshot("queues");
                browser.find(By.cssSelector("#queue-provider\\.invoices\\.acks a.dead-letters")).click();
                String letters = browser.find(By.id("letters")).getText();
                assertThat(letters).contains("provider.invoices.acks").doesNotContain("BEN AMOR", "Amine");
                assertThat(browser.present(By.cssSelector("button.discard"))).as("discarding is for ADMIN").isFalse();

                OUTBOX_DOWN.set(false);
                browser.clickAndConfirm(By.cssSelector("button.retry"));
                assertThat(browser.find(By.id("notice")).getText()).contains("is back on its queue");
                java.nio.file.Path ack = sftpServer.root().resolve("providers/outbox/ACK_" + invoices);
                browser.waitUntil(d -> java.nio.file.Files.exists(ack));
                assertThat(count("select count(*) from audit_entry where entity_type = 'dead-letter' and action = 'RETRY' "
                        + "and actor = 'integrator'")).isEqualTo(1);
            }
        } finally {
            OUTBOX_DOWN.set(false);
        }
    }

    @Test
    void theDeskSeesOnlyItsFlowsAndOnlyAnAdminStopsARoute() {
        long hr = jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status) "
                + "values ('hr', 'hr-sync', 'IN', 'RH_DELTA_20261201.csv', md5('a') || md5('b'), 10, 'DONE') returning id", Long.class);
        long pay = jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status) "
                + "values ('bank', 'payments', 'OUT', 'PAY_1.xml', md5('c') || md5('d'), 10, 'DONE') returning id", Long.class);
        try (Browser browser = new Browser(port)) {
            as("operator", browser).open("/console");
            assertThat(browser.present(By.id("flow-hr-sync"))).isTrue();
            assertThat(browser.present(By.id("flow-payments"))).as("payments are not the desk's").isFalse();
            assertThat(browser.present(By.id("nav-alerts"))).isFalse();
            browser.open("/console/files");
            assertThat(browser.present(By.id("file-" + hr))).isTrue();
            assertThat(browser.present(By.id("file-" + pay))).isFalse();
            browser.open("/console/files/" + pay);
            assertThat(browser.find(By.id("console-error")).getText()).contains("not the desk's");
            browser.open("/console/queues");
            assertThat(browser.find(By.id("denied")).getText()).contains("not allowed");
        }
        String route = "provider-invoices-ack-resend";
        try (Browser browser = new Browser(port)) {
            as("integrator", browser).open("/console/routes");
            assertThat(browser.find(By.id("route-" + route)).getText()).contains("Started");
            assertThat(browser.present(By.cssSelector("button.stop"))).as("stopping routes is for ADMIN").isFalse();
        }
        try (Browser browser = new Browser(port)) {
            as("admin", browser).open("/console/routes");
            browser.clickAndConfirm(By.cssSelector("#route-" + route + " button.stop"));
            assertThat(browser.find(By.id("notice")).getText()).contains(route + " stopped");
            assertThat(browser.find(By.id("route-" + route)).getText()).contains("Stopped");
            browser.clickAndConfirm(By.cssSelector("#route-" + route + " button.start"));
            assertThat(browser.find(By.id("route-" + route)).getText()).contains("Started");
        }
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'route' and entity_id = ? and actor = 'admin' "
                + "order by id", String.class, route)).containsExactly("STOP", "START");
    }

    @Test
    void anAuditorReadsAFailedFileButCannotReplayIt() {
        breakOneMember();
        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> failed = awaitExchange(SNAPSHOT);
        try (Browser browser = new Browser(port)) {
            as("auditor", browser).open("/console/files/" + failed.get("id"));
            assertThat(browser.find(By.id("file-status")).getText()).isEqualTo("FAILED");
            assertThat(browser.present(By.id("replay"))).as("no replay button for an auditor").isFalse();
            assertThat(browser.present(By.id("original"))).as("nor the original with its personal data").isFalse();
            // and the hub refuses the request itself, whatever the page shows: the auditor's own session and CSRF token
            assertThat(browser.submitForged("/console/files/" + failed.get("id") + "/replay")).contains("not allowed");
        }
        assertThat(count("select count(*) from exchange where id = ? and status = 'FAILED'", failed.get("id"))).isEqualTo(1);
    }
}
