package com.groupcare.hub.exchange;

/** A rejected line: its number in the file (header = line 1), a code from a closed list, a message without personal data. */
public record LineError(int lineNo, String code, String message) {
}
