package com.groupcare.hub.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code dead-letter-waiting}: messages on a {@code DLQ.*} queue, which a person or a dead-letter route must see to. */
@Component
class DeadLetterCondition implements AlertCondition {

    static final String RULE = "dead-letter-waiting";

    private final ObjectProvider<QueueDepths> source;
    private final AlertSettings.Switch settings;

    DeadLetterCondition(ObjectProvider<QueueDepths> source, AlertSettings settings) {
        this.source = source;
        this.settings = settings.deadLetterWaiting();
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Firing> firing() {
        QueueDepths queues = settings.enabled() ? source.getIfUnique() : null;
        if (queues == null) {
            return List.of();
        }
        List<Firing> firing = new ArrayList<>();
        new TreeMap<>(queues.depths()).forEach((queue, depth) -> {
            if (queue.startsWith("DLQ.") && depth != null && depth > 0) {
                firing.add(new Firing(queue, depth + (depth == 1 ? " dead letter" : " dead letters") + " waiting on " + queue));
            }
        });
        return firing;
    }
}
