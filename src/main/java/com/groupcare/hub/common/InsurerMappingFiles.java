package com.groupcare.hub.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads every insurer mapping under mappings/insurers/ (one file per policy, named after it) and
 * hands each to a reader of its sections; a file whose policy-number is not its name, or a section
 * its reader refuses, stops the hub with the file and the reason.
 */
public final class InsurerMappingFiles {

    private InsurerMappingFiles() {
    }

    /** {@code reader} receives the policy number and the file's YAML, for each file in name order. */
    public static void read(String dir, BiConsumer<String, Map<String, Object>> reader) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Map<String, Object> yaml = new Yaml().load(in);
                    String policy = String.valueOf(yaml.get("policy-number"));
                    if (!file.getFileName().toString().equals(policy + ".yaml")) {
                        throw new IllegalStateException(file + ": policy-number " + policy + " does not match the file name");
                    }
                    reader.accept(policy, yaml);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The insurer mapping " + file + " is not valid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the insurer mappings in " + dir, e);
        }
    }
}
