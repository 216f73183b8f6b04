package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** The {@code movements:} section of every insurer mapping, read and checked when the hub starts. */
@Component
public class MovementMappings {

    private final Map<String, MovementLayout> layouts = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public MovementMappings(@Value("${hub.claims.insurer-layouts}") String dir) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Map<String, Object> yaml = new Yaml().load(in);
                    if (yaml.get("movements") instanceof Map<?, ?> section) {
                        String policy = String.valueOf(yaml.get("policy-number"));
                        layouts.put(policy, MovementLayout.from(policy, (Map<String, Object>) section, file.toString()));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The insurer mapping " + file + " is not valid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the insurer mappings in " + dir, e);
        }
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
