package com.groupcare.hub.platform;

import com.groupcare.hub.common.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded mode only: demo passwords for the SFTP drop zone and the demo users are
 * generated once, kept in {@code <data-dir>/demo-credentials.properties} (never in the repo)
 * and printed at start-up. Anything configured explicitly wins.
 */
public class DemoCredentials implements EnvironmentPostProcessor {

    public static final String FILE_NAME = "demo-credentials.properties";
    public static final List<String> DEMO_USERS = List.of("admin", "operator", "integrator", "auditor", "provider");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("hub.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path file = Path.of(env.getProperty("hub.data-dir", "./data")).resolve(FILE_NAME);
        Properties stored = loadOrCreate(file);
        Map<String, Object> defaults = new HashMap<>();
        if (!env.containsProperty("hub.embedded.postgres.password")) {
            defaults.put("hub.embedded.postgres.password", stored.getProperty("postgres"));
        }
        for (String partner : EmbeddedSftpServer.PARTNERS) {
            if (!env.containsProperty("hub.sftp." + partner + ".password")) {
                defaults.put("hub.sftp." + partner + ".password", stored.getProperty("sftp." + partner));
            }
        }
        for (String user : DEMO_USERS) {
            String prefix = "hub.security.users." + user;
            if (!env.containsProperty(prefix + ".password")) {
                defaults.put(prefix + ".password", "{noop}" + stored.getProperty("web." + user));
                defaults.put(prefix + ".roles", user.toUpperCase());
                defaults.put(prefix + ".demo", "true");
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("hubDemoCredentials", defaults));
    }

    /** Reads the stored demo passwords, creating them the first time. */
    public static Properties loadOrCreate(Path file) {
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            for (String key : keys()) {
                if (props.getProperty(key) == null) {
                    props.setProperty(key, randomPassword());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    props.store(out, "GroupCare Hub demo credentials (embedded mode only)");
                }
            }
            OwnerOnly.file(file);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    private static List<String> keys() {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("postgres"),
                        EmbeddedSftpServer.PARTNERS.stream().map(p -> "sftp." + p)),
                DEMO_USERS.stream().map(u -> "web." + u)).toList();
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
