package com.groupcare.hub.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The embedded SFTP drop zone: one folder per partner, each with an inbox (files for the hub)
 * and an outbox (files from the hub), and one account per partner confined to its folder. The routes reach it through the same sftp: endpoints
 * they use against partners' servers.
 */
public class EmbeddedSftpServer implements AutoCloseable {

    public static final List<String> PARTNERS = List.of("hr", "insurers", "providers", "bank");

    private final SshServer server;
    private final Path root;

    /**
     * @param passwords the password of each partner's account; an account sees its own folder only
     *                  (the HR login can neither read an insurer's outbox nor write to the bank's inbox)
     */
    public EmbeddedSftpServer(Path root, String host, int port, java.util.Map<String, String> passwords) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        for (String partner : PARTNERS) {
            Files.createDirectories(this.root.resolve(partner).resolve("inbox"));
            Files.createDirectories(this.root.resolve(partner).resolve("outbox"));
        }
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        Path hostKey = this.root.getParent().resolve("sftp-hostkey.ser");
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((u, p, session) -> passwords.containsKey(u) && passwords.get(u).equals(p));
        server.setSubsystemFactories(Collections.singletonList(new SftpSubsystemFactory()));
        VirtualFileSystemFactory homes = new VirtualFileSystemFactory(this.root.resolve(".nowhere"));
        Files.createDirectories(this.root.resolve(".nowhere"));
        passwords.keySet().forEach(partner -> homes.setUserHomeDir(partner, this.root.resolve(partner)));
        server.setFileSystemFactory(homes);
        server.start();
    }

    /**
     * Writes a known_hosts file naming this server's host key, so the hub's SFTP endpoints check the
     * drop zone's key exactly as they check a partner's ({@code strictHostKeyChecking=yes}).
     */
    public void writeKnownHosts(Path knownHosts, String host) throws IOException, java.security.GeneralSecurityException {
        StringBuilder lines = new StringBuilder();
        for (java.security.KeyPair key : server.getKeyPairProvider().loadKeys(null)) {
            lines.append('[').append(host).append("]:").append(port()).append(' ')
                    .append(org.apache.sshd.common.config.keys.PublicKeyEntry.toString(key.getPublic())).append('\n');
        }
        Files.createDirectories(knownHosts.toAbsolutePath().getParent());
        Files.writeString(knownHosts, lines.toString());
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    public Path inbox(String partner) {
        return root.resolve(partner).resolve("inbox");
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
