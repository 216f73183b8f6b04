package com.groupcare.hub.membership;

/** The HR file cannot be read at all (unknown name, wrong header): the exchange fails with this reason. */
public class HrFileRefused extends RuntimeException {

    public HrFileRefused(String reason) {
        super(reason);
    }
}
