package com.groupcare.hub.exchange;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.component.file.GenericFile;
import org.springframework.stereotype.Component;

/**
 * Inbox order ({@code sorter=#fileDateOrder}): files of one poll are taken in the order of the date
 * in their name (the first run of 8 digits, yyyyMMdd), then by name, so a delta of the 14th goes
 * before a snapshot of the 15th whatever their names sort to.
 */
@Component("fileDateOrder")
public class FileDateOrder implements Comparator<GenericFile<?>> {

    private static final Pattern DATE = Pattern.compile("(\\d{8})");

    @Override
    public int compare(GenericFile<?> a, GenericFile<?> b) {
        return Comparator.comparing(FileDateOrder::dateIn).thenComparing(Comparator.naturalOrder())
                .compare(a.getFileNameOnly(), b.getFileNameOnly());
    }

    static String dateIn(String fileName) {
        Matcher m = DATE.matcher(fileName);
        return m.find() ? m.group(1) : "99999999";
    }
}
