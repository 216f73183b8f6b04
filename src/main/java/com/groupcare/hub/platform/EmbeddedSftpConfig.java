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
                                          org.springframework.core.env.Environment env,
                                          @Value("${hub.sftp.known-hosts-file}") String knownHosts)
            throws IOException, java.security.GeneralSecurityException {
        java.util.Map<String, String> passwords = new java.util.LinkedHashMap<>();
        EmbeddedSftpServer.PARTNERS.forEach(p -> passwords.put(p, env.getRequiredProperty("hub.sftp." + p + ".password")));
        EmbeddedSftpServer server = new EmbeddedSftpServer(Path.of(dataDir, "sftp"), host, port, passwords);
        server.writeKnownHosts(Path.of(knownHosts), host);
        return server;
    }
}
