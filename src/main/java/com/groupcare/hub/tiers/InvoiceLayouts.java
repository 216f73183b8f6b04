package com.groupcare.hub.tiers;

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
 * Every provider group's invoice layout under mappings/providers/invoices/, read and checked when the
 * hub starts. Onboarding a group is a mapping file: the hub tells the groups' files apart by name.
 */
@Component
class InvoiceLayouts {

    private final Map<String, InvoiceLayout> byGroup = new LinkedHashMap<>();

    InvoiceLayouts(@Value("${hub.providers.invoice-layouts:mappings/providers/invoices}") String dir) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    InvoiceLayout layout = InvoiceLayout.from(new Yaml().load(in));
                    if (!file.getFileName().toString().equals(layout.group() + ".yaml")) {
                        throw new IllegalArgumentException("group " + layout.group() + " does not match the file name");
                    }
                    byGroup.put(layout.group(), layout);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The provider invoice mapping " + file + " is not valid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the provider invoice mappings in " + dir, e);
        }
    }

    /** The group whose file-name pattern the name matches. */
    Optional<InvoiceLayout> forFile(String fileName) {
        return byGroup.values().stream().filter(l -> l.fileName().matcher(fileName).matches()).findFirst();
    }

    InvoiceLayout group(String group) {
        return Optional.ofNullable(byGroup.get(group)).orElseThrow(() -> new IllegalStateException("No invoice layout " + group));
    }

    List<String> patterns() {
        return byGroup.values().stream().map(l -> l.fileName().pattern()).toList();
    }
}
