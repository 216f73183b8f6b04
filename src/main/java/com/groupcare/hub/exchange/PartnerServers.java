package com.groupcare.hub.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Vector;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Looks on a partner's SFTP server for a file the hub may already have put there, with the account and
 * host-key check the routes use ({@code hub.sftp.<partner>.*}): in the partner's outbox under its name,
 * in the folders the partner moves the files it has taken to ({@code hub.sftp.<partner>.taken-folders}),
 * or only under the temporary name of an upload cut short ({@code <name>.part}, which partners never take).
 * A file counts as there only when it holds the very bytes the hub would send.
 */
@Component
public class PartnerServers {

    /** What the partner's server holds under a file's name. */
    public enum Seen {
        /** the same bytes, in the outbox or a folder of taken files: the file reached the partner */
        THERE,
        /** a file of that name with other bytes: not the hub's file, or changed since */
        OTHER,
        /** only the temporary name: the upload was cut short before its rename, the partner never took it */
        PARTIAL,
        /** nothing under that name anywhere the hub may look */
        ABSENT
    }

    /** The temporary name the outbound SFTP endpoints write under ({@code tempFileName=$simple{file:name}.part}). */
    public static final String TEMPORARY_SUFFIX = ".part";

    private final Environment env;

    public PartnerServers(Environment env) {
        this.env = env;
    }

    /** The folders where the partner keeps the files it has taken from its outbox (none: it deletes them, or no one knows). */
    public List<String> takenFolders(String partner) {
        String folders = env.getProperty("hub.sftp." + partner + ".taken-folders", "");
        return Arrays.stream(folders.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    }

    /**
     * Where {@code local}'s bytes are on the partner's server under {@code name} (the name itself in the
     * outbox, or a name containing it in a folder of taken files, where partners often add a date).
     * Throws when the server cannot be reached: whoever asks then decides nothing.
     */
    public Seen look(String partner, String name, Path local) {
        String prefix = "hub.sftp." + partner + ".";
        String outbox = env.getProperty(prefix + "outbox", "outbox");
        Session session = null;
        try {
            session = com.groupcare.hub.common.SftpSessions.open(env, partner, 10_000);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            try {
                boolean other = false;
                String inOutbox = outbox + "/" + name;
                if (exists(sftp, inOutbox)) {
                    if (sameBytes(sftp, inOutbox, local)) {
                        return Seen.THERE;
                    }
                    other = true;
                }
                for (String folder : takenFolders(partner)) {
                    for (String taken : names(sftp, folder)) {
                        if (taken.contains(name) && !taken.endsWith(TEMPORARY_SUFFIX)) {
                            if (sameBytes(sftp, folder + "/" + taken, local)) {
                                return Seen.THERE;
                            }
                            other = true;
                        }
                    }
                }
                if (other) {
                    return Seen.OTHER;
                }
                return exists(sftp, inOutbox + TEMPORARY_SUFFIX) ? Seen.PARTIAL : Seen.ABSENT;
            } finally {
                sftp.disconnect();
            }
        } catch (JSchException | SftpException e) {
            throw new IllegalStateException("the " + partner + " server cannot be looked at: " + e.getMessage(), e);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private static boolean exists(ChannelSftp sftp, String path) throws SftpException {
        try {
            return !sftp.stat(path).isDir();
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    private static List<String> names(ChannelSftp sftp, String folder) throws SftpException {
        try {
            Vector<ChannelSftp.LsEntry> entries = sftp.ls(folder);
            return entries.stream().filter(e -> !e.getAttrs().isDir()).map(ChannelSftp.LsEntry::getFilename).toList();
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return List.of();
            }
            throw e;
        }
    }

    /** Compares the remote file with the local one as two streams (a payment file can be large). */
    private static boolean sameBytes(ChannelSftp sftp, String remote, Path local) throws SftpException {
        try (InputStream theirs = new BufferedInputStream(sftp.get(remote), 64 * 1024);
             InputStream ours = new BufferedInputStream(Files.newInputStream(local), 64 * 1024)) {
            byte[] a = new byte[64 * 1024];
            byte[] b = new byte[64 * 1024];
            while (true) {
                int n = theirs.readNBytes(a, 0, a.length);
                int m = ours.readNBytes(b, 0, b.length);
                if (n != m || !Arrays.equals(a, 0, n, b, 0, m)) {
                    return false;
                }
                if (n < a.length) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the file " + remote + " cannot be read back", e);
        }
    }
}
