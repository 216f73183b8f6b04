package com.groupcare.hub.console;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's configuration (hub.console): when each flow's file is expected and where an outbound
 * file is sent again for each partner (the desk's flows, hub.console.operator-flows: security.DeskFlows).
 *
 * @param expectedFiles flow -> its schedule, e.g. hr-sync: a file every working day by 07:00
 * @param outboxes      partner -> the endpoint its outbound files go to (the same as the flows use)
 * @param resendableFlows the outbound flows whose files may be sent again as they are (never a payment file)
 */
@ConfigurationProperties("hub.console")
public record ConsoleSettings(Map<String, Schedule> expectedFiles, Map<String, String> outboxes,
                              List<String> resendableFlows) {

    public ConsoleSettings {
        resendableFlows = resendableFlows == null ? List.of() : List.copyOf(resendableFlows);
        expectedFiles = expectedFiles == null ? Map.of() : Map.copyOf(expectedFiles);
        outboxes = outboxes == null ? Map.of() : Map.copyOf(outboxes);
    }

    /** A cron (Spring's six fields: second minute hour day month weekday) at which a file must have come in, and its wording. */
    public record Schedule(String cron, String description) {
    }
}
