package com.groupcare.hub.claim;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No claim, transmittal or member with that number. */
public class ClaimNotFound extends ResponseStatusException {

    public ClaimNotFound(String what) {
        super(HttpStatus.NOT_FOUND, what);
    }
}
