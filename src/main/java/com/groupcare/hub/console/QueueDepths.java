package com.groupcare.hub.console;

import java.util.Map;

/**
 * The broker's queues and the messages waiting on each, for the queue-depth and dead-letter rules.
 * Without such a bean those rules fire nothing. Throws when the broker cannot be asked.
 */
public interface QueueDepths {

    /** Queue name to the number of messages on it, dead-letter queues ({@code DLQ.*}) included. */
    Map<String, Long> depths();
}
