package com.groupcare.hub.claim;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The claim or voucher is in a state that forbids the change (already sent, already cancelled...). */
@ResponseStatus(HttpStatus.CONFLICT)
public class ClaimConflict extends RuntimeException {

    public ClaimConflict(String reason) {
        super(reason);
    }
}
