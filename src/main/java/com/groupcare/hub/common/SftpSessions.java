package com.groupcare.hub.common;

import java.nio.file.Files;
import java.nio.file.Path;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.springframework.core.env.Environment;

/**
 * An SSH session to a partner's SFTP server with the hub's settings ({@code hub.sftp.<partner>.*}): its
 * account, and the host key always checked against {@code hub.sftp.known-hosts-file} unless told otherwise.
 */
public final class SftpSessions {

    private SftpSessions() {
    }

    /** A connected session; the caller disconnects it. */
    public static Session open(Environment env, String partner, int timeoutMillis) throws JSchException {
        String prefix = "hub.sftp." + partner + ".";
        JSch jsch = new JSch();
        String knownHosts = env.getProperty("hub.sftp.known-hosts-file");
        if (knownHosts != null && Files.exists(Path.of(knownHosts))) {
            jsch.setKnownHosts(knownHosts);
        }
        Session session = jsch.getSession(env.getProperty(prefix + "username"), env.getProperty(prefix + "host"),
                env.getProperty(prefix + "port", Integer.class, 22));
        session.setPassword(env.getProperty(prefix + "password", ""));
        session.setConfig("StrictHostKeyChecking", env.getProperty("hub.sftp.strict-host-key-checking", "yes"));
        session.connect(timeoutMillis);
        return session;
    }
}
