package com.groupcare.hub;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * House rules for routes/: ids in kebab-case, a shared error policy, endpoints from placeholders;
 * routes made from a template (the file pipeline's) name a template that exists.
 */
class RoutesGuardTest {

    static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)+");

    @Test
    void everyRouteHasAKebabCaseIdAnErrorPolicyAndAPlaceholderEndpoint() throws IOException {
        Set<String> policies = new HashSet<>();
        Set<String> templates = new HashSet<>();
        List<Map<String, Object>> instances = new java.util.ArrayList<>();
        List<Map<String, Object>> routes = new java.util.ArrayList<>();
        for (Path file : yamlFiles()) {
            for (Map<String, Object> item : load(file)) {
                if (item.containsKey("routeConfiguration")) {
                    policies.add((String) ((Map<?, ?>) item.get("routeConfiguration")).get("id"));
                }
                if (item.containsKey("routeTemplate")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> template = (Map<String, Object>) item.get("routeTemplate");
                    templates.add((String) template.get("id"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> route = (Map<String, Object>) template.get("route");
                    route.put("id", "template-" + template.get("id"));
                    route.put("file", file.getFileName().toString());
                    routes.add(route);
                }
                if (item.containsKey("templatedRoute")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> instance = (Map<String, Object>) item.get("templatedRoute");
                    instance.put("file", file.getFileName().toString());
                    instances.add(instance);
                }
                if (item.containsKey("route")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> route = (Map<String, Object>) item.get("route");
                    route.put("file", file.getFileName().toString());
                    routes.add(route);
                }
            }
        }
        assertThat(routes).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> route : routes) {
            String id = (String) route.get("id");
            assertThat(id).as("route in %s needs an id", route.get("file")).isNotNull().matches(KEBAB);
            assertThat(ids.add(id)).as("route id %s is used twice", id).isTrue();
            assertThat(policies).as("route %s must name a routeConfigurationId from routes/error-policies.yaml", id)
                    .contains((String) route.get("routeConfigurationId"));
            String uri = (String) ((Map<?, ?>) route.get("from")).get("uri");
            assertThat(uri).as("route %s must take its endpoint from a {{placeholder}}", id).contains("{{");
        }
        for (Map<String, Object> instance : instances) {
            String id = (String) instance.get("routeId");
            assertThat(id).as("templated route in %s needs a routeId", instance.get("file")).isNotNull().matches(KEBAB);
            assertThat(ids.add(id)).as("route id %s is used twice", id).isTrue();
            assertThat(templates).as("route %s must name a template of routes/file-pipeline.yaml", id)
                    .contains((String) instance.get("routeTemplateRef"));
        }
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        }
    }
}
