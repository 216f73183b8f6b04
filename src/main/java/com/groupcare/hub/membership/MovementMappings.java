package com.groupcare.hub.membership;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.groupcare.hub.common.InsurerMappingFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The {@code movements:} section of every insurer mapping, read and checked when the hub starts. */
@Component
public class MovementMappings {

    private final Map<String, MovementLayout> layouts = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public MovementMappings(@Value("${hub.claims.insurer-layouts}") String dir) {
        InsurerMappingFiles.read(dir, (policy, yaml) -> {
            if (yaml.get("movements") instanceof Map<?, ?> section) {
                layouts.put(policy, MovementLayout.from(policy, (Map<String, Object>) section, dir + "/" + policy + ".yaml"));
            }
        });
    }

    public Optional<MovementLayout> get(String policy) {
        return Optional.ofNullable(layouts.get(policy));
    }

    public Collection<MovementLayout> all() {
        return layouts.values();
    }

    /** Whether a file in the insurers' inbox is a movement acknowledgement (other feeds of the inbox leave it). */
    public boolean isAck(String fileName) {
        return layouts.values().stream().anyMatch(l -> l.ack().fileName().matcher(fileName).matches());
    }
}
