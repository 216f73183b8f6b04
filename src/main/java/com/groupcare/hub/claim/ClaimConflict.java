package com.groupcare.hub.claim;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The claim or voucher is in a state that forbids the change (already sent, already cancelled...).
 * The reason is shown to the caller (it never holds personal data).
 */
public class ClaimConflict extends ResponseStatusException {

    public ClaimConflict(String reason) {
        super(HttpStatus.CONFLICT, reason);
    }
}
