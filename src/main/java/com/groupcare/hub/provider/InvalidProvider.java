package com.groupcare.hub.provider;

/** A line or a request that breaks a rule: the reason code and a message naming the field, never its value. */
class InvalidProvider extends RuntimeException {

    private final ProviderRejection reason;

    InvalidProvider(ProviderRejection reason, String message) {
        // no stack trace: this is a verdict on data, thrown once per bad line
        super(message, null, false, false);
        this.reason = reason;
    }

    ProviderRejection reason() {
        return reason;
    }
}
