package com.groupcare.hub.exchange;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a partner uploads (the {@code arrival:} section of its mapping), so a file still being written
 * is never taken: a file is read only once it has not changed for {@code stable-seconds}; names
 * matching {@code temp-names} are never read (upload under a temporary name, then rename); with a
 * {@code done-marker} (e.g. {@code ${file:name}.ok}) a file is read only once its marker exists.
 */
public record Arrival(int stableSeconds, String tempNames, String doneMarker) {

    public static final Arrival DEFAULT = new Arrival(60, ".*\\.(part|tmp)$", null);
    private static final Set<String> KEYS = Set.of("stable-seconds", "temp-names", "done-marker");

    /** Reads and checks the section; a typo stops the hub with the mapping's name. */
    public static Arrival from(Object section, String source) {
        if (section == null) {
            return DEFAULT;
        }
        if (!(section instanceof Map<?, ?> map) || !KEYS.containsAll(map.keySet())) {
            throw new IllegalStateException(source + ": arrival must be a map with keys " + KEYS);
        }
        Object stable = map.containsKey("stable-seconds") ? map.get("stable-seconds") : DEFAULT.stableSeconds;
        if (!(stable instanceof Integer seconds) || seconds < 0) {
            throw new IllegalStateException(source + ": arrival.stable-seconds must be a whole number of seconds");
        }
        String temp = map.containsKey("temp-names") ? (String) map.get("temp-names") : DEFAULT.tempNames;
        if (temp != null && !temp.isBlank()) {
            Pattern.compile(temp);
        }
        String marker = (String) map.get("done-marker");
        return new Arrival(seconds, temp == null || temp.isBlank() ? null : temp,
                marker == null || marker.isBlank() ? null : marker);
    }

    /**
     * Camel SFTP consumer options.
     * @param minAgeMillis overrides stable-seconds when zero or more (tests, an integrator in a hurry)
     */
    public String uriOptions(long minAgeMillis) {
        long minAge = minAgeMillis >= 0 ? minAgeMillis : stableSeconds * 1000L;
        long interval = Math.max(100, Math.min(5000, minAge / 3));
        StringBuilder options = new StringBuilder("readLock=changed&readLockMinAge=").append(minAge)
                .append("&readLockCheckInterval=").append(interval)
                .append("&readLockTimeout=").append(minAge + 4 * interval + 1000)
                // an empty file is taken too, and refused with its reason, rather than left unseen
                .append("&readLockMinLength=0");
        if (tempNames != null) {
            options.append("&exclude=").append(tempNames);
        }
        if (doneMarker != null) {
            options.append("&doneFileName=").append(doneMarker);
        }
        return options.toString();
    }
}
