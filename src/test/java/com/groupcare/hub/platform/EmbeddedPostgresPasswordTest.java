package com.groupcare.hub.platform;

import java.sql.DriverManager;

import com.groupcare.hub.support.HubIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database asks for its generated password: another user of the machine cannot read members' data. */
class EmbeddedPostgresPasswordTest extends HubIntegrationTest {

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess").close())
                .hasMessageContaining("password authentication failed");
        try (var con = DriverManager.getConnection(url, "postgres", env.getProperty("hub.embedded.postgres.password"))) {
            assertThat(con.isValid(2)).isTrue();
        }
    }
}
