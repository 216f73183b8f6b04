package com.groupcare.hub.console;

/** How an alert names a file: flow and name, the name cut short (names are the partners' to choose). */
final class ExchangeFiles {

    private static final int NAME_MAX = 100;

    private ExchangeFiles() {
    }

    static String describe(String flow, String fileName) {
        return flow + " file " + AlertStore.cut(fileName == null ? "?" : fileName, NAME_MAX);
    }
}
