package com.groupcare.hub.console;

import java.util.List;

/**
 * One alert rule of the console: a Spring bean the engine ({@link ConsoleAlerts}) asks, every
 * {@code hub.console.alerts.evaluate-every}, what is wrong right now. A rule is added by adding a
 * bean (e.g. {@code expected-file-late}); its gauge and counter appear by themselves.
 * <p>
 * The answer is the whole current truth for the rule: a subject it no longer returns is cleared. A
 * condition that cannot tell (database or broker away) throws, and its alerts stay as they are.
 * A disabled rule returns an empty list. Its settings, if any, go under {@code hub.console.alerts}
 * in {@link AlertSettings}: unknown keys there stop the hub.
 */
public interface AlertCondition {

    /** The rule's name in kebab-case, e.g. {@code file-failed}: the metrics' {@code rule} tag. */
    String rule();

    /** What is wrong now, one entry per subject; never personal data. */
    List<Firing> firing();
}
