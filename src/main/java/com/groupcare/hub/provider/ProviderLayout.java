package com.groupcare.hub.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;

/** The provider list layout read from {@code mappings/providers/providers.yaml}: columns and code tables. */
record ProviderLayout(String delimiter, DateTimeFormatter dateFormat, List<String> columns, List<String> fields,
                      Map<String, Map<String, Object>> codes) {

    @SuppressWarnings("unchecked")
    static ProviderLayout load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> yaml = new Yaml().load(in);
            List<Map<String, Object>> cols = (List<Map<String, Object>>) yaml.get("columns");
            String pattern = ((String) yaml.get("date-format")).replace("yyyy", "uuuu");
            return new ProviderLayout((String) yaml.get("delimiter"),
                    DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT),
                    cols.stream().map(c -> (String) c.get("name")).toList(),
                    cols.stream().map(c -> (String) c.get("field")).toList(),
                    (Map<String, Map<String, Object>>) yaml.get("codes"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the provider layout " + resource, e);
        }
    }

    String header() {
        return String.join(delimiter, columns);
    }

    /** field -> column name, so rejection messages speak the partner's words. */
    Map<String, String> columnOfField() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            labels.put(fields.get(i), columns.get(i));
        }
        return labels;
    }

    /** The code-name a partner code stands for in a code table, or null. */
    Object code(String table, String partnerCode) {
        Map<String, Object> values = codes.get(table);
        return values == null ? null : values.get(partnerCode);
    }
}
