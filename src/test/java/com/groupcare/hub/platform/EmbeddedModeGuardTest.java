package com.groupcare.hub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One switch turns every embedded part off; a production set-up never starts on the embedded ones. */
class EmbeddedModeGuardTest {

    final EmbeddedModeGuard guard = new EmbeddedModeGuard();

    @Test
    void embeddedOffTurnsTheInProcessBrokerOffToo() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.embedded.enabled", "false")
                .withProperty("spring.artemis.mode", "embedded");
        guard.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(env.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void anExternalDatabaseOrAProductionProfileWithTheEmbeddedModeOnStopsTheHub() {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/hub");
        assertThatThrownBy(() -> guard.postProcessEnvironment(external, new SpringApplication()))
                .hasMessageContaining("set HUB_EMBEDDED_ENABLED=false");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> guard.postProcessEnvironment(production, new SpringApplication()))
                .hasMessageContaining("a production profile");
        guard.postProcessEnvironment(new MockEnvironment(), new SpringApplication());
    }

    @Test
    void demoCredentialsAreReadableByTheHubsUserOnly(@TempDir Path dir) throws Exception {
        DemoCredentials.loadOrCreate(dir.resolve(DemoCredentials.FILE_NAME));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DemoCredentials.FILE_NAME))))
                .isEqualTo("rw-------");
    }
}
