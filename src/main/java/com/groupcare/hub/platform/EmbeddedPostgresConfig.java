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
                                      @Value("${hub.embedded.postgres.port:0}") int port) throws IOException {
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
                .setServerConfig("checkpoint_timeout", "15min");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        // logServerErrorDetail=false: a failed insert's "Key (x)=(value)" detail never reaches a log
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true&logServerErrorDetail=false");
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("hub-embedded");
        return new HikariDataSource(config);
    }
}
