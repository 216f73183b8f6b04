package com.groupcare.hub.console;

import java.time.Instant;

/** One alert of the console: active while {@code endedAt} is null. */
public record AlertView(long id, String rule, String subject, String message, Instant startedAt, Instant endedAt,
                        Instant lastSeenAt) {

    public boolean active() {
        return endedAt == null;
    }
}
