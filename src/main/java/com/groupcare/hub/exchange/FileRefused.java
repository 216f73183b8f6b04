package com.groupcare.hub.exchange;

/** A file refused as a whole (name, header, empty, cut short): recorded FAILED with this reason, nothing applied. */
public class FileRefused extends RuntimeException {

    public FileRefused(String reason) {
        super(reason, null, false, false);
    }
}
