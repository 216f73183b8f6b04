package com.groupcare.hub.platform;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;

import com.groupcare.hub.support.HubIntegrationTest;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each partner logs in to the drop zone with its own account and sees its own folders only. */
class SftpPartnerIsolationTest extends HubIntegrationTest {

    @Test
    void theHrLoginCanNeitherReadTheInsurersOutboxNorWriteTheBanksInbox() throws Exception {
        Files.writeString(sftpServer.root().resolve("insurers/outbox/BE_SECRET.csv"), "claims of everyone\n");
        Session session = new JSch().getSession("hr", "127.0.0.1", sftpServer.port());
        session.setPassword(env.getProperty("hub.sftp.hr.password"));
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(10_000);
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            assertThat(sftp.ls("/").stream().map(e -> ((ChannelSftp.LsEntry) e).getFilename()))
                    .contains("inbox", "outbox").doesNotContain("insurers", "bank");
            assertThatThrownBy(() -> sftp.get("/../insurers/outbox/BE_SECRET.csv").readAllBytes()).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> sftp.put(new ByteArrayInputStream("x".getBytes()), "/../bank/inbox/PAY.xml"))
                    .isInstanceOf(SftpException.class);
            sftp.disconnect();
        } finally {
            session.disconnect();
        }
        assertThat(sftpServer.root().resolve("bank/inbox/PAY.xml")).doesNotExist();
        Session wrong = new JSch().getSession("hr", "127.0.0.1", sftpServer.port());
        wrong.setPassword(env.getProperty("hub.sftp.bank.password"));
        wrong.setConfig("StrictHostKeyChecking", "no");
        assertThatThrownBy(() -> wrong.connect(10_000)).as("another partner's password").isInstanceOf(Exception.class);
    }
}
