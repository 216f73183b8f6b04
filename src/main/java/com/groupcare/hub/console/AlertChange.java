package com.groupcare.hub.console;

/** An alert opened or ended by an evaluation: what the webhook posts. */
public record AlertChange(Status status, AlertView alert) {

    public enum Status { RAISED, CLEARED }
}
