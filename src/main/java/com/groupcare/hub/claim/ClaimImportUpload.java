package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.groupcare.hub.exchange.FilePipeline;
import com.groupcare.hub.exchange.Intake;
import com.groupcare.hub.exchange.IntakeOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A claims CSV uploaded by the desk: streamed to disk (never held in memory), handed to the file
 * pipeline, answered at once with the exchange to follow.
 */
@Component
class ClaimImportUpload {

    private final FilePipeline pipeline;
    private final Path work;

    ClaimImportUpload(FilePipeline pipeline, @Value("${hub.data-dir}") String dataDir) {
        this.pipeline = pipeline;
        this.work = Path.of(dataDir, "work", "uploads").toAbsolutePath().normalize();
    }

    ResponseEntity<Map<String, Object>> upload(InputStream csv, String fileName, String user) throws IOException {
        String name = plainName(fileName);
        Files.createDirectories(work);
        Path temp = Files.createTempFile(work, "claims-", ".csv");
        try {
            Files.copy(csv, temp, StandardCopyOption.REPLACE_EXISTING);
            Intake intake = pipeline.upload(ClaimImportFeed.FLOW, temp, name, user);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("exchangeId", intake.exchangeId());
            answer.put("outcome", intake.outcome().name());
            answer.put("duplicateOf", intake.duplicateOf());
            answer.put("progress", "/api/exchanges/" + intake.exchangeId());
            if (intake.outcome() == IntakeOutcome.REFUSED) {
                answer.put("reason", pipeline.refusal(intake.exchangeId()));
                return ResponseEntity.badRequest().body(answer);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The last part of the name the desk gave, or a 400: "/", "..", control characters or an endless name are not file names. */
    static String plainName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 200
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "X-File-Name must be a plain file name of at most 200 characters");
        }
        return name;
    }
}
