package com.groupcare.hub.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.groupcare.hub.support.HubIntegrationTest;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-lock options a partner's mapping gives ({@link Arrival}) keep Camel's SFTP consumer off a
 * file still being written: an upload paused half-way is not taken, nor a file waiting for its done-marker.
 * Tried on the embedded SFTP server with the options the inbox URIs use, on a folder of their own.
 */
class ArrivalReadLockTest extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    private final List<String> taken = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute("arrival-probe");
        camel.removeRoute("arrival-probe");
    }

    @Test
    void anUploadPausedHalfWayIsTakenOnlyOnceCompleteAndStable() throws Exception {
        String folder = probe(new Arrival(3, ".*\\.(part|tmp)$", null));
        byte[] content = "header\nline 2\nline 3\nline 4\n".getBytes(StandardCharsets.UTF_8);
        try (Upload upload = new Upload()) {
            ChannelSftp sftp = upload.channel;
            try (var out = sftp.put(folder + "/RH_DELTA_20261101.csv")) {
                out.write(content, 0, 10);
                out.flush();
                sleep(2_000);
                assertThat(taken).as("nothing taken while the upload is paused").isEmpty();
                out.write(content, 10, content.length - 10);
            }
        }
        awaitTaken(1, 15_000);
        assertThat(taken).containsExactly(new String(content, StandardCharsets.UTF_8));
    }

    @Test
    void withADoneMarkerAFileIsTakenOnlyOnceItsMarkerIsThere() throws Exception {
        String folder = probe(new Arrival(0, null, "${file:name}.ok"));
        try (Upload upload = new Upload()) {
            upload.channel.put(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), folder + "/RH_DELTA_20261102.csv");
            sleep(1_500);
            assertThat(taken).isEmpty();
            upload.channel.put(new ByteArrayInputStream(new byte[0]), folder + "/RH_DELTA_20261102.csv.ok");
        }
        awaitTaken(1, 10_000);
        assertThat(taken).containsExactly("a\nb\n");
    }

    @Test
    void aServerWhoseHostKeyIsNotTheKnownOneIsNeverReadFrom() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(521);
        java.nio.file.Path wrong = java.nio.file.Files.createTempFile("known-hosts-", "");
        java.nio.file.Files.writeString(wrong, "[127.0.0.1]:" + env.getProperty("hub.sftp.hr.port") + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(generator.generateKeyPair().getPublic()) + "\n");
        String folder = probe(new Arrival(0, null, null), "strictHostKeyChecking=yes&knownHostsFile=" + wrong);
        try (Upload upload = new Upload()) {
            upload.channel.put(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)), folder + "/RH_DELTA_20261103.csv");
        }
        awaitTaken(1, 3_000);
        assertThat(taken).as("a server that is not the one in known_hosts (a man in the middle)").isEmpty();
    }

    @Test
    void theDropZonesOwnKeyIsTheKnownOne() throws Exception {
        String folder = probe(new Arrival(0, null, null), "strictHostKeyChecking=yes&knownHostsFile="
                + env.getProperty("hub.sftp.known-hosts-file"));
        try (Upload upload = new Upload()) {
            upload.channel.put(new ByteArrayInputStream("b\n".getBytes(StandardCharsets.UTF_8)), folder + "/RH_DELTA_20261104.csv");
        }
        awaitTaken(1, 10_000);
        assertThat(taken).containsExactly("b\n");
    }

    private String probe(Arrival arrival) throws Exception {
        return probe(arrival, "strictHostKeyChecking=no");
    }

    /** A consumer on a folder of the HR partner's server with these arrival options; returns the folder. */
    private String probe(Arrival arrival, String hostKeyOptions) throws Exception {
        String folder = env.getProperty("hub.sftp.hr.directory") + "/arrival-probe-" + System.nanoTime();
        try (Upload upload = new Upload()) {
            upload.channel.mkdir(folder);
        }
        String uri = "sftp://127.0.0.1:" + env.getProperty("hub.sftp.hr.port") + "/" + folder + "?username="
                + env.getProperty("hub.sftp.hr.username") + "&password=RAW(" + env.getProperty("hub.sftp.hr.password")
                + ")&delay=200&delete=true&useUserKnownHostsFile=false&" + hostKeyOptions + "&" + arrival.uriOptions(-1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("arrival-probe").process(e -> taken.add(e.getMessage().getBody(String.class)));
            }
        });
        return folder;
    }

    private void awaitTaken(int files, long millis) {
        for (long waited = 0; waited < millis && taken.size() < files; waited += 100) {
            sleep(100);
        }
    }

    /** An SFTP session as the HR partner. */
    private final class Upload implements AutoCloseable {
        final Session session;
        final ChannelSftp channel;

        Upload() throws Exception {
            session = new JSch().getSession(env.getProperty("hub.sftp.hr.username"), "127.0.0.1",
                    Integer.parseInt(env.getProperty("hub.sftp.hr.port")));
            session.setPassword(env.getProperty("hub.sftp.hr.password"));
            session.setConfig("StrictHostKeyChecking", "no");
            session.connect(10_000);
            channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
        }

        @Override
        public void close() {
            channel.disconnect();
            session.disconnect();
        }
    }
}
