package com.groupcare.hub.exchange;

import org.springframework.dao.TransientDataAccessException;

/**
 * A chunk of a feed whose chunks apply in file order arrived before an earlier one was applied
 * (the earlier one is being redelivered): it is rolled back and comes again, like an outage.
 */
public class ChunkNotInTurn extends TransientDataAccessException {

    public ChunkNotInTurn(String message) {
        super(message);
    }
}
