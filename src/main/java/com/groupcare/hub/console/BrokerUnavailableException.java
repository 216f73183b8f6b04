package com.groupcare.hub.console;

/** Artemis could not be asked (down, unreachable, or too slow): the console says so rather than hang. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
