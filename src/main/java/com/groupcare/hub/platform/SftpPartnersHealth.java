package com.groupcare.hub.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jcraft.jsch.Session;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code sftpPartners} in /actuator/health: each partner server the routes use is reached and its
 * host key checked as the routes check it, so a server that is down, refuses the hub's account or
 * shows an unknown host key makes health DOWN with the reason, instead of a WARN per poll.
 */
@Component("sftpPartnersHealthIndicator")
class SftpPartnersHealth implements HealthIndicator {

    private static final List<String> ENDPOINTS = List.of("hr", "insurers");

    /** A monitor may poll every few seconds: a handshake per partner at most every 10 s. */
    private static final long CACHE_NANOS = 10_000_000_000L;

    private final Environment env;
    private volatile Health last;
    private volatile long lastAt;

    SftpPartnersHealth(Environment env) {
        this.env = env;
    }

    @Override
    public Health health() {
        if (last != null && System.nanoTime() - lastAt < CACHE_NANOS) {
            return last;
        }
        last = probe();
        lastAt = System.nanoTime();
        return last;
    }

    private Health probe() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (String partner : ENDPOINTS) {
            String problem = check(partner);
            up &= problem == null;
            details.put(partner, problem == null ? "reachable, host key known"
                    : problem);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private String check(String partner) {
        Session session = null;
        try {
            session = com.groupcare.hub.common.SftpSessions.open(env, partner, 5_000);
            return null;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "not usable: " + (message.contains("HostKey") || message.contains("host key")
                    ? "its host key is not the one in hub.sftp.known-hosts-file" : message);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }
}
