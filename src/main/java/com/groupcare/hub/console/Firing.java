package com.groupcare.hub.console;

/**
 * What an {@link AlertCondition} finds wrong: the subject (a queue name, a route id, an exchange
 * id) and a short message, both without personal data, as they go to logs and the webhook.
 */
public record Firing(String subject, String message) {

    public Firing {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an alert needs a subject");
        }
        message = message == null ? "" : message;
    }
}
