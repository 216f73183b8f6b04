package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.annotation.FixedLengthRecord;

/**
 * The domestic transfer file of the banks that take no XML (mappings/banks, format NATIONAL): fixed
 * width, 120 characters a line, a header (the ordering account, execution date, count and total), one
 * line per transfer, a trailer repeating count and total. A format the hub owns, written with Bindy.
 * Amounts in minor units, right aligned, zero padded (TND: millimes).
 */
final class NationalTransferFile {

    private NationalTransferFile() {
    }

    @FixedLengthRecord(length = 120, paddingChar = ' ', header = Header.class, footer = Trailer.class)
    public static class Line {
        @DataField(pos = 1, length = 2)
        public String recordType = "02";
        @DataField(pos = 3, length = 35, align = "L")
        public String endToEndId;
        @DataField(pos = 38, length = 24, align = "L")
        public String account;
        @DataField(pos = 62, length = 40, clip = true, align = "L")
        public String name;
        @DataField(pos = 102, length = 16, precision = 3, impliedDecimalSeparator = true, align = "R", paddingChar = '0')
        public BigDecimal amount;
        @DataField(pos = 118, length = 3)
        public String currency;
    }

    @FixedLengthRecord(length = 120, paddingChar = ' ')
    public static class Header {
        @DataField(pos = 1, length = 2)
        public String recordType = "01";
        @DataField(pos = 3, length = 24, align = "L")
        public String debtorAccount;
        @DataField(pos = 27, length = 8, pattern = "yyyyMMdd")
        public LocalDate executionDate;
        @DataField(pos = 35, length = 20, align = "L")
        public String batchNumber;
        @DataField(pos = 55, length = 8, align = "R", paddingChar = '0')
        public int count;
        @DataField(pos = 63, length = 18, precision = 3, impliedDecimalSeparator = true, align = "R", paddingChar = '0')
        public BigDecimal total;
        @DataField(pos = 81, length = 40, align = "L")
        public String filler = "";
    }

    @FixedLengthRecord(length = 120, paddingChar = ' ')
    public static class Trailer {
        @DataField(pos = 1, length = 2)
        public String recordType = "09";
        @DataField(pos = 3, length = 8, align = "R", paddingChar = '0')
        public int count;
        @DataField(pos = 11, length = 18, precision = 3, impliedDecimalSeparator = true, align = "R", paddingChar = '0')
        public BigDecimal total;
        @DataField(pos = 29, length = 92, align = "L")
        public String filler = "";
    }
}
