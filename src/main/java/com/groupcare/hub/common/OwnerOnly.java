package com.groupcare.hub.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files with passwords or personal data (demo credentials, partners' originals) readable by the
 * hub's own user only. Where the file system has no POSIX permissions there is nothing to set.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    public static void file(Path file) {
        set(file, "rw-------");
    }

    public static void directory(Path dir) {
        set(dir, "rwx------");
    }

    private static void set(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + path, e);
        }
    }
}
