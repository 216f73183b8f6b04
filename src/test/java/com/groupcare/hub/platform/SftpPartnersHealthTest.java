package com.groupcare.hub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner server whose host key is not the known one shows in health, with the reason. */
class SftpPartnersHealthTest extends HubIntegrationTest {

    @Autowired
    SftpPartnersHealth partners;

    @Test
    void theDropZoneIsUpAndAnUnknownHostKeyMakesHealthDown() throws Exception {
        assertThat(health().getStatusCode()).isEqualTo(HttpStatus.OK);
        Path knownHosts = Path.of(env.getProperty("hub.sftp.known-hosts-file"));
        String known = Files.readString(knownHosts);
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(521);
            Files.writeString(knownHosts, known.substring(0, known.indexOf(' ') + 1)
                    + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(generator.generateKeyPair().getPublic()) + "\n");
            ResponseEntity<Map<String, Object>> down = health();
            assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(String.valueOf(down.getBody())).contains("host key");
        } finally {
            Files.writeString(knownHosts, known);
        }
        assertThat(health().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map<String, Object>> health() {
        org.springframework.test.util.ReflectionTestUtils.setField(partners, "last", null);
        return as("integrator").exchange("/actuator/health/sftpPartners", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }
}
