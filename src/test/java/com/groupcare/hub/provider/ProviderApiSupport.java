package com.groupcare.hub.provider;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.groupcare.hub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The provider API as the demo users call it, over HTTP with Basic authentication. */
abstract class ProviderApiSupport extends HubIntegrationTest {

    static final String SAMPLE = "providers/PRESTATAIRES_20261101.csv";

    @Autowired
    ObjectMapper json;
    @Autowired
    ProviderRepository providers;


    ResponseEntity<String> postCsv(String user, byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return as(user).postForEntity("/api/providers/import", new HttpEntity<>(csv, headers), String.class);
    }

    ProviderImportResult importAsOperator(byte[] csv) {
        ResponseEntity<String> response = postCsv("operator", csv);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("import failed: " + response);
        }
        return read(response.getBody(), ProviderImportResult.class);
    }

    ResponseEntity<String> put(String user, String code, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange("/api/providers/" + code, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode getJson(String user, String path) {
        ResponseEntity<String> response = as(user).getForEntity(path, String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " failed: " + response);
        }
        return read(response.getBody(), JsonNode.class);
    }

    List<String> auditActions() {
        return jdbc.queryForList("select action || ' ' || entity_id || ' by ' || actor from audit_entry "
                + "where entity_type = 'PROVIDER' order by id", String.class);
    }

    <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (Exception e) {
            throw new AssertionError("not the expected JSON: " + body, e);
        }
    }
}
