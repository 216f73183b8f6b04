package com.groupcare.hub.claim;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request the desk must correct (unknown beneficiary, voucher not valid for the line...).
 * The reason is shown to the caller (it never holds personal data).
 */
public class ClaimRefused extends ResponseStatusException {

    public ClaimRefused(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
