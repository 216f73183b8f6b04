package com.groupcare.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import com.groupcare.hub.security.HubUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells, once the hub is up, where each part lives and how to use the demo set-up; in embedded
 * mode, drops the inbox samples in the drop zone the first time it exists.
 */
@Component
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment env;
    private final HubUsers users;
    private final ObjectProvider<EmbeddedSftpServer> sftp;
    private final ObjectProvider<EmbeddedPostgres> postgres;

    public StartupReport(Environment env, HubUsers users, ObjectProvider<EmbeddedSftpServer> sftp,
                         ObjectProvider<EmbeddedPostgres> postgres) {
        this.env = env;
        this.users = users;
        this.sftp = sftp;
        this.postgres = postgres;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder("\n\n=== GroupCare Hub is up ===\n");
        EmbeddedPostgres pg = postgres.getIfAvailable();
        sb.append("PostgreSQL : ").append(pg != null
                ? "embedded, jdbc:postgresql://localhost:" + pg.getPort() + "/postgres (user postgres, password "
                        + env.getProperty("hub.embedded.postgres.password") + "), data in "
                        + Path.of(env.getProperty("hub.data-dir"), "postgres").toAbsolutePath().normalize()
                : env.getProperty("spring.datasource.url")).append('\n');
        sb.append("Artemis    : ").append("embedded".equals(env.getProperty("spring.artemis.mode"))
                ? "embedded, persistent journal in " + Path.of(env.getProperty("spring.artemis.embedded.data-directory")).toAbsolutePath().normalize()
                : env.getProperty("spring.artemis.broker-url")).append('\n');
        EmbeddedSftpServer server = sftp.getIfAvailable();
        if (server != null) {
            sb.append("SFTP       : embedded drop zone sftp://localhost:").append(server.port())
                    .append(", one account per partner, each seeing its own inbox/ and outbox/:\n");
            EmbeddedSftpServer.PARTNERS.forEach(p -> sb.append("             ").append(p).append(" / ")
                    .append(env.getProperty("hub.sftp." + p + ".password")).append('\n'));
            sb.append("             drop a file: sftp -P ").append(server.port())
                    .append(" hr@localhost, then put RH_DELTA_20261120.csv inbox/\n")
                    .append("             (or copy it into ").append(server.inbox("hr")).append(")\n");
        } else {
            sb.append("SFTP       : HR inbox ").append(env.getProperty("hub.sftp.hr.host")).append(':')
                    .append(env.getProperty("hub.sftp.hr.port")).append('/').append(env.getProperty("hub.sftp.hr.directory")).append('\n');
        }
        sb.append("Console    : http://localhost:").append(port).append("/console  (integrators' console; Hawtio at /actuator/hawtio)\n");
        sb.append("API        : http://localhost:").append(port).append("/swagger-ui.html  e.g. GET /api/exchanges, /api/members?name=\n");
        users.users().forEach((name, user) -> {
            if (user.demo()) {
                sb.append("Demo user  : ").append(name).append(" / ").append(user.password().replace("{noop}", ""))
                        .append(' ').append(user.roles()).append('\n');
            }
        });
        log.info(sb.toString());
        if (server != null && env.getProperty("hub.embedded.seed-samples", Boolean.class, false)) {
            seedSamples(server);
        }
    }

    private void seedSamples(EmbeddedSftpServer server) {
        Path marker = server.root().resolve(".samples-dropped");
        Path samples = Path.of(env.getProperty("hub.embedded.samples-dir", "./inbox-samples"));
        if (Files.exists(marker) || !Files.isDirectory(samples.resolve("hr"))) {
            return;
        }
        try (Stream<Path> files = Files.list(samples.resolve("hr"))) {
            List<Path> csv = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            for (Path file : csv) {
                // the sample's own date comes along: a file long stable, so the read lock takes it at once
                Files.copy(file, server.inbox("hr").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.writeString(marker, "inbox samples dropped once; delete this file to drop them again\n");
            log.info("Dropped {} HR sample files in the drop zone: watch GET /api/exchanges", csv.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
