package com.groupcare.hub.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded mode: a real PostgreSQL server whose data stays under {@code <data-dir>/postgres}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hub.data-dir}") String dataDir,
                                      @Value("${hub.embedded.postgres.port:0}") int port,
                                      @Value("${hub.embedded.postgres.password}") String password) throws IOException {
        Path dir = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                // zonky turns it off for tests; a commit the broker is told about must survive a host crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // room for bulk HR loads: fewer checkpoints, indexes kept in memory
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setConnectConfig("password", password);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        requirePassword(postgres, dir, password);
        return postgres;
    }

    /**
     * initdb trusts every local connection; the first time, the superuser gets its generated password and
     * every connection must give it (scram-sha-256), so another user of the machine cannot read members' data.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dir, String password) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        if (!rules.contains(" trust")) {
            return;
        }
        try (var con = postgres.getPostgresDatabase().getConnection(); var st = con.createStatement()) {
            st.execute("alter user postgres password '" + password.replace("'", "''") + "'");
            Files.writeString(hba, rules.lines().map(l -> l.startsWith("#") ? l : l.replace(" trust", " scram-sha-256"))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
            st.execute("select pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot set the embedded PostgreSQL password", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${hub.embedded.postgres.password}") String password) {
        HikariConfig config = new HikariConfig();
        // logServerErrorDetail=false: a failed insert's "Key (x)=(value)" detail never reaches a log
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true&logServerErrorDetail=false");
        config.setUsername("postgres");
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("hub-embedded");
        return new HikariDataSource(config);
    }
}
