package com.groupcare.hub.provider;

/** The import body as a whole is unusable (empty, or a header that is not the layout's): nothing is applied. */
class ProviderFileRefused extends RuntimeException {

    ProviderFileRefused(String message) {
        super(message);
    }
}
