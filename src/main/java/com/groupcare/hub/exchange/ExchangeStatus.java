package com.groupcare.hub.exchange;

public enum ExchangeStatus {
    RECEIVED, PROCESSING, DONE, DONE_WITH_ERRORS, DUPLICATE, FAILED;

    public boolean finished() {
        return this == DONE || this == DONE_WITH_ERRORS || this == DUPLICATE;
    }
}
