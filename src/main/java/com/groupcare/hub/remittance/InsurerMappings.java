package com.groupcare.hub.remittance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Every insurer's mapping under mappings/insurers/, read and checked when the hub starts: its
 * remittance layout and code table, its complaint file. Onboarding an insurer is a mapping file:
 * the hub tells its files apart by the file-name pattern of each mapping.
 */
@Component
public class InsurerMappings {

    private final Map<String, RemittanceLayout> remittances = new LinkedHashMap<>();
    private final Map<String, ComplaintLayout> complaints = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    InsurerMappings(@Value("${hub.claims.insurer-layouts}") String dir) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Map<String, Object> yaml = new Yaml().load(in);
                    String policy = String.valueOf(yaml.get("policy-number"));
                    if (!file.getFileName().toString().equals(policy + ".yaml")) {
                        throw new IllegalStateException(file + ": policy-number " + policy + " does not match the file name");
                    }
                    if (yaml.get("remittance") instanceof Map<?, ?> section) {
                        remittances.put(policy, RemittanceLayout.from(policy, (Map<String, Object>) section, file.toString()));
                    }
                    if (yaml.get("complaints") instanceof Map<?, ?> section) {
                        complaints.put(policy, ComplaintLayout.from((Map<String, Object>) section, file.toString()));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The insurer mapping " + file + " is not valid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the insurer mappings in " + dir, e);
        }
    }

    /** The insurer layout whose file-name pattern the name matches, with the file's date. */
    Optional<Map.Entry<RemittanceLayout, java.time.LocalDate>> remittanceFor(String fileName) {
        for (RemittanceLayout layout : remittances.values()) {
            Optional<java.time.LocalDate> date = layout.dateOf(fileName);
            if (date.isPresent()) {
                return Optional.of(Map.entry(layout, date.get()));
            }
        }
        return Optional.empty();
    }

    RemittanceLayout remittance(String policyNumber) {
        RemittanceLayout layout = remittances.get(policyNumber);
        if (layout == null) {
            throw new IllegalStateException("No remittance layout for " + policyNumber);
        }
        return layout;
    }

    Optional<ComplaintLayout> complaints(String policyNumber) {
        return Optional.ofNullable(complaints.get(policyNumber));
    }

    List<String> patterns() {
        return remittances.values().stream().map(l -> l.fileName().pattern()).toList();
    }
}
