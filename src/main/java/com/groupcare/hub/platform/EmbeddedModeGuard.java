package com.groupcare.hub.platform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for the demo set-up. With {@code hub.embedded.enabled=false} every embedded part is off,
 * the in-process Artemis broker included (the hub then talks to the broker of spring.artemis.*). And
 * a production set-up never falls back on the embedded parts silently: a production profile or an
 * external datasource with the embedded mode still on stops the hub with the reason.
 */
public class EmbeddedModeGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean embedded = env.getProperty("hub.embedded.enabled", Boolean.class, true);
        if (!embedded) {
            Map<String, Object> off = new HashMap<>();
            off.put("spring.artemis.embedded.enabled", "false");
            if (!"native".equals(env.getProperty("spring.artemis.mode"))) {
                off.put("spring.artemis.mode", "native");
            }
            env.getPropertySources().addFirst(new MapPropertySource("hubEmbeddedOff", off));
            return;
        }
        boolean production = Arrays.stream(env.getActiveProfiles()).anyMatch(p -> p.equals("prod") || p.equals("production"));
        String datasource = env.getProperty("spring.datasource.url");
        if (production || (datasource != null && !datasource.isBlank())) {
            throw new IllegalStateException("The hub is configured for real servers (" + (production ? "a production profile"
                    : "spring.datasource.url") + ") but its embedded demo parts are still on: set HUB_EMBEDDED_ENABLED=false "
                    + "(see the README, 'Configuration for real servers'). It will not start on an embedded database with demo users.");
        }
    }
}
