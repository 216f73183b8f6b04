package com.groupcare.hub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A file is the same content whatever its line ends or byte order mark, and only then. */
class ContentFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void lineEndsAndAByteOrderMarkDoNotMakeAnotherFile() throws IOException {
        String lf = "header;a\nline;1\nTOTAL;1\n";
        String reference = fingerprint("lf", lf);
        assertThat(fingerprint("crlf", lf.replace("\n", "\r\n"))).isEqualTo(reference);
        assertThat(fingerprint("cr", lf.replace("\n", "\r"))).isEqualTo(reference);
        assertThat(fingerprint("bom", "\uFEFF" + lf.replace("\n", "\r\n"))).isEqualTo(reference);
        assertThat(fingerprint("other", lf.replace("line;1", "line;2"))).isNotEqualTo(reference);
        assertThat(fingerprint("blank line", lf.replace("\n", "\n\n"))).isNotEqualTo(reference);
    }

    @Test
    void aCrLfSplitAcrossTwoReadsIsStillOneLineEnd() throws IOException {
        String line = "x".repeat(64 * 1024 - 1);
        assertThat(fingerprint("split", line + "\r\n" + "next\r\n")).isEqualTo(fingerprint("plain", line + "\nnext\n"));
    }

    private String fingerprint(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return ExchangeIntake.sha256(file);
    }
}
