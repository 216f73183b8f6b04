package com.groupcare.hub.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a file's first line is its layout's header: the same column names in the same order,
 * whatever their case, the spaces around them or a byte order mark. A file sent without its header
 * would otherwise lose its first record, read as the header.
 */
public final class HeaderLine {

    private HeaderLine() {
    }

    public static boolean matches(String expected, String firstLine, String delimiter) {
        return names(expected, delimiter).equals(names(firstLine, delimiter));
    }

    private static List<String> names(String line, String delimiter) {
        return Arrays.stream(line.replace("\uFEFF", "").split(Pattern.quote(delimiter), -1))
                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
