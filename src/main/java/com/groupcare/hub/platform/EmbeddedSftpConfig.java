package com.groupcare.hub.platform;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedSftpConfig {

    @Bean(destroyMethod = "close")
    EmbeddedSftpServer embeddedSftpServer(@Value("${hub.data-dir}") String dataDir,
                                          @Value("${hub.sftp.host}") String host,
                                          @Value("${hub.embedded.sftp.port}") int port,
                                          @Value("${hub.sftp.username}") String user,
                                          @Value("${hub.sftp.password}") String password,
                                          @Value("${hub.sftp.known-hosts-file}") String knownHosts)
            throws IOException, java.security.GeneralSecurityException {
        EmbeddedSftpServer server = new EmbeddedSftpServer(Path.of(dataDir, "sftp"), host, port, user, password);
        server.writeKnownHosts(Path.of(knownHosts), host);
        return server;
    }
}
