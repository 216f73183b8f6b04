package com.groupcare.hub.membership;

import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** What the HR safety-valve tests look at: who is covered, a file held, and a person's release or reject. */
abstract class HrValveTestBase extends HubIntegrationTest {

    int coveredDependants() {
        return count("select count(*) from beneficiary where status = 'ACTIVE' and rank > 0");
    }

    int activeMembers() {
        return count("select count(*) from member where status = 'ACTIVE'");
    }

    Map<String, Object> awaitHeld(String fileName) {
        for (int i = 0; i < 600; i++) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from exchange where file_name = ? and status = 'HELD'", fileName);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            sleep(100);
        }
        throw new AssertionError("not held: " + jdbc.queryForList("select id, status, failure_reason from exchange where file_name = ?", fileName));
    }

    ResponseEntity<Map<String, Object>> action(String user, Object id, String action) {
        return as(user).exchange("/api/exchanges/" + id + "/" + action, HttpMethod.POST, HttpEntity.EMPTY,
                new ParameterizedTypeReference<>() { });
    }
}
