package com.groupcare.hub.security;

import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jolokia is read-only for integrators and never runs diagnostic commands or heap dumps; a request a
 * page on another site makes the browser send (cached Basic credentials) changes nothing.
 */
class ConsoleSecurityTest extends HubIntegrationTest {

    static final String CAMEL_CONTEXT = "org.apache.camel:context=groupcare-hub,type=context,name=\"groupcare-hub\"";

    @Test
    void anIntegratorReadsJolokiaButCannotExecuteOperations() {
        ResponseEntity<Map<String, Object>> read = jolokia("integrator",
                Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage"));
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("status", 200);
        ResponseEntity<Map<String, Object>> send = jolokia("integrator", Map.of("type", "exec", "mbean", CAMEL_CONTEXT,
                "operation", "sendBody(java.lang.String,java.lang.Object)", "arguments", List.of("file:/tmp", "x")));
        assertThat(send.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> bulk = jolokia("integrator", List.of(
                Map.of("type", "read", "mbean", "java.lang:type=Memory"), Map.of("type", "write", "mbean", "java.lang:type=Memory",
                        "attribute", "Verbose", "value", true)));
        assertThat(bulk.getStatusCode()).as("a write hidden in a bulk request").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("integrator").getForEntity("/actuator/jolokia/exec/java.lang:type=Memory/gc", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminExecutesButNobodyDumpsTheHeapOrRunsDiagnosticCommands() {
        assertThat(jolokia("admin", Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc")).getBody())
                .containsEntry("status", 200);
        Map<String, Object> dump = jolokia("admin", Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "dumpHeap", "arguments", List.of("/tmp/hub-heap.hprof", true))).getBody();
        assertThat(dump.get("status")).isEqualTo(403);
        Map<String, Object> command = jolokia("admin", Map.of("type", "exec",
                "mbean", "com.sun.management:type=DiagnosticCommand", "operation", "vmSystemProperties")).getBody();
        assertThat(command.get("status")).isEqualTo(403);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/hub-heap.hprof"))).isFalse();
    }

    @Test
    void aRequestForgedByAnotherSiteIsRefusedTheHubsOwnPagesAndApiClientsGoThrough() {
        HttpHeaders forged = new HttpHeaders();
        forged.setContentType(MediaType.TEXT_PLAIN);
        forged.set("Origin", "https://evil.example");
        ResponseEntity<String> refused = as("admin").exchange("/api/providers/import", HttpMethod.POST,
                new HttpEntity<>("code;name\n", forged), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders fetch = new HttpHeaders();
        fetch.setContentType(MediaType.APPLICATION_JSON);
        fetch.set("Sec-Fetch-Site", "cross-site");
        assertThat(as("admin").exchange("/actuator/jolokia", HttpMethod.POST, new HttpEntity<>("{\"type\":\"version\"}", fetch),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        HttpHeaders sameSite = new HttpHeaders();
        sameSite.setContentType(MediaType.APPLICATION_JSON);
        sameSite.set("Origin", http.getRootUri());
        assertThat(as("admin").exchange("/actuator/jolokia", HttpMethod.POST, new HttpEntity<>("{\"type\":\"version\"}", sameSite),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jolokia("admin", Map.of("type", "version")).getStatusCode()).as("an API client sends no Origin")
                .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map<String, Object>> jolokia(String user, Object request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange("/actuator/jolokia", HttpMethod.POST, new HttpEntity<>(request, headers),
                new ParameterizedTypeReference<>() { });
    }
}
