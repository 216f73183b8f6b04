package com.groupcare.hub.exchange;

import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A monitor polling /actuator/health notices a file stuck without progress and dead letters waiting. */
class PipelineHealthTest extends HubIntegrationTest {

    @Autowired
    JmsTemplate jms;
    @Autowired
    CamelContext camel;

    @Test
    void aFileWithoutProgressForTooLongMakesHealthDown() {
        assertThat(health().getStatusCode()).isEqualTo(HttpStatus.OK);
        long id = exchange("PROCESSING", "now() - interval '2 hours'");
        ResponseEntity<Map<String, Object>> health = health();
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(String.valueOf(health.getBody())).contains("exchange " + id + " (hr-sync) PROCESSING without progress since");
    }

    @Test
    void aFileWaitingBehindAHeldOneWaitsForAPersonAndIsNotStuck() {
        exchange("HELD", "now() - interval '3 hours'");
        exchange("RECEIVED", "now() - interval '2 hours'");
        ResponseEntity<Map<String, Object>> health = health();
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(String.valueOf(health.getBody())).contains("held=1");
    }

    @Test
    void deadLettersWaitingMakeHealthDownUntilTheirConsumerHasTurnedThemIntoAFailedFile() throws Exception {
        long id = exchange("PROCESSING", "now()");
        camel.getRouteController().stopRoute("hr-sync-dead-letters");
        try {
            jms.convertAndSend("DLQ.hr.records", "{\"exchangeId\":" + id + ",\"chunkNo\":3,\"firstLine\":302,\"lastLine\":401,"
                    + "\"startByte\":1000,\"endByte\":2000}");
            ResponseEntity<Map<String, Object>> health = health();
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(String.valueOf(health.getBody())).contains("DLQ.hr.records=1");
        } finally {
            camel.getRouteController().startRoute("hr-sync-dead-letters");
        }
        Map<String, Object> failed = awaitStatus(id, "FAILED");
        assertThat((String) failed.get("failure_reason")).startsWith("chunk 3 (lines 302-401) failed after the broker's redeliveries");
        assertThat(health().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long exchange(String status, String updatedAt) {
        return jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status, updated_at) "
                + "values ('hr', 'hr-sync', 'IN', 'RH_DELTA_20261101.csv', md5(random()::text) || md5(random()::text), 10, ?, " + updatedAt + ") returning id",
                Long.class, status);
    }

    private ResponseEntity<Map<String, Object>> health() {
        return as("integrator").exchange("/actuator/health/files", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
    }
}
