package com.groupcare.hub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile volumes: a file over the size limit is refused and not kept; the same refused bytes are kept once. */
class IntakeLimitsTest extends HubIntegrationTest {

    @Autowired
    FileFeeds feeds;
    @Autowired
    ExchangeIntake intake;
    @Autowired
    ExchangeProgress progress;
    @Autowired
    ChunkFailures failures;
    @Autowired
    PipelineQueues queues;

    @Test
    void aFileOverTheSizeLimitIsRefusedWithTheReasonAndNotKept() throws IOException {
        // the hub's own receive step with a limit of 100 bytes (production: hub.intake.max-file-bytes, 1 GiB)
        FilePipeline pipeline = new FilePipeline(feeds, intake, progress, failures, queues, 65536, 10, Duration.ofMinutes(2), 100);
        Path file = Files.createTempFile("big-", ".csv");
        Files.writeString(file, "matricule;rang\n" + "000001;00\n".repeat(20));
        Intake refused = pipeline.receive("hr-sync", file.toString(), "RH_DELTA_20261101.csv");

        assertThat(refused.outcome()).isEqualTo(IntakeOutcome.REFUSED);
        Map<String, Object> exchange = jdbc.queryForMap("select status, failure_reason, stored_path from exchange where id = ?",
                refused.exchangeId());
        assertThat(exchange).containsEntry("status", "FAILED").containsEntry("stored_path", null);
        assertThat((String) exchange.get("failure_reason")).contains("215 bytes, over the limit of 100");
        assertThat(count("select count(*) from member")).isZero();
    }

    @Test
    void theSameRefusedBytesUnderManyNamesAreKeptOnce() {
        byte[] notHr = "this is not an HR export\n".getBytes(StandardCharsets.UTF_8);
        dropHrFile("RH_DELTA_20261101.csv", notHr);
        Map<String, Object> first = awaitExchange("RH_DELTA_20261101.csv");
        dropHrFile("RH_DELTA_20261102.csv", notHr);
        Map<String, Object> second = awaitExchange("RH_DELTA_20261102.csv");

        assertThat(first).containsEntry("status", "FAILED");
        assertThat(second).containsEntry("status", "FAILED");
        assertThat(second.get("stored_path")).as("one copy on disk").isEqualTo(first.get("stored_path"));
        assertThat(Path.of((String) first.get("stored_path"))).exists().hasBinaryContent(notHr);
    }
}
