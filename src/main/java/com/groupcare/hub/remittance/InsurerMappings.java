package com.groupcare.hub.remittance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.groupcare.hub.common.InsurerMappingFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
        InsurerMappingFiles.read(dir, (policy, yaml) -> {
            String source = dir + "/" + policy + ".yaml";
            if (yaml.get("remittance") instanceof Map<?, ?> section) {
                remittances.put(policy, RemittanceLayout.from(policy, (Map<String, Object>) section, source));
            }
            if (yaml.get("complaints") instanceof Map<?, ?> section) {
                complaints.put(policy, ComplaintLayout.from((Map<String, Object>) section, source));
            }
        });
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
