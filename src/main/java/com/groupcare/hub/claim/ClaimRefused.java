package com.groupcare.hub.claim;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request the desk must correct (unknown beneficiary, voucher not valid for the line...). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class ClaimRefused extends RuntimeException {

    public ClaimRefused(String reason) {
        super(reason);
    }
}
