package com.groupcare.hub.provider;

/**
 * One line after parsing: the provider, or a rejection with its reason. A rejected line still tells
 * its code when the code was readable, so a later line with the same code counts as a duplicate.
 */
record ProviderLine(int lineNo, ProviderData data, ProviderRejection rejection, String message, String code) {

    static ProviderLine ok(int lineNo, ProviderData data) {
        return new ProviderLine(lineNo, data, null, null, data.code());
    }

    static ProviderLine rejected(int lineNo, ProviderRejection reason, String message, String code) {
        return new ProviderLine(lineNo, null, reason, message, code);
    }

    boolean isRejected() {
        return rejection != null;
    }
}
