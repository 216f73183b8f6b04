package com.groupcare.hub.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;

/**
 * Reads a chunk of an invoice file into invoices: each invoice record with the act records that
 * follow it. Format errors refuse the invoice whole (its total cannot be checked without all its
 * lines): the faulty line gets MALFORMED_LINE, the others INVOICE_REFUSED. Plain Java.
 */
final class InvoiceRecords {

    private static final int MAX_TEXT = 30;
    /** Dates a real invoice can carry: anything else is a typo (or a probe), refused as unreadable. */

    private InvoiceRecords() {
    }

    /** An act line of an invoice. */
    record Act(int lineNo, LocalDate dateOfCare, String act, int quantity, BigDecimal amount, String voucher) {
    }

    /** An invoice: its record's line and fields, its acts, and the format errors that refuse it (empty when readable). */
    record Invoice(int lineNo, String number, String provider, LocalDate invoiceDate, BigDecimal total, String card,
                   String matricule, Integer rank, String lastName, String firstName, LocalDate birthDate,
                   List<Act> acts, List<Integer> actLineNos, List<LineError> errors) {

        boolean readable() {
            return errors.isEmpty();
        }

        BigDecimal sumOfActs() {
            return acts.stream().map(Act::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Every line of the invoice with its error: its own, or that the invoice is refused. */
        List<LineError> refusedWhole() {
            List<LineError> all = new ArrayList<>(errors);
            List<Integer> lines = new ArrayList<>(actLineNos);
            if (lineNo > 0) {
                lines.add(0, lineNo);
            }
            for (int no : lines) {
                if (errors.stream().noneMatch(e -> e.lineNo() == no)) {
                    all.add(new LineError(no, InvoiceRejection.INVOICE_REFUSED.name(), "line " + errors.get(0).lineNo()
                            + " of this invoice is refused: the invoice is refused whole; correct it and send the invoice again"));
                }
            }
            all.sort(java.util.Comparator.comparingInt(LineError::lineNo));
            return all;
        }
    }

    /** The chunk's invoices in file order; a line outside any invoice comes back in {@code loose}. */
    static List<Invoice> read(InvoiceLayout layout, List<RawLine> lines, List<LineError> loose) {
        List<Invoice> invoices = new ArrayList<>();
        Builder current = null;
        for (RawLine raw : lines) {
            boolean control = com.groupcare.hub.common.PartnerText.hasControlCharacter(raw.text());
            String[] cells = raw.tooLong() || raw.badEncoding() || control ? null : layout.cells(raw.text());
            InvoiceLayout.Record type = cells == null ? null : layout.recordOf(cells);
            if (type == layout.invoice()) {
                if (current != null) {
                    invoices.add(current.build());
                }
                current = new Builder(raw.lineNo());
                current.header(layout, cells);
                continue;
            }
            String problem = raw.tooLong() ? "the line is over the length limit" : raw.badEncoding() ? "the line is not valid UTF-8"
                    : control ? "the line has a control character"
                    : type == null ? "the record type must be " + layout.invoice().type() + " or " + layout.line().type() : null;
            String invoiceOfLine = type == layout.line() && cells.length == layout.line().width() ? layout.line().cell(cells, "invoice") : null;
            if (current == null || (invoiceOfLine != null && !invoiceOfLine.equals(current.number))) {
                if (current != null) {
                    invoices.add(current.build());
                    current = null;
                }
                loose.add(problem != null ? malformed(raw.lineNo(), problem)
                        : new LineError(raw.lineNo(), InvoiceRejection.INVOICE_REFUSED.name(),
                        "no invoice record " + layout.invoice().type() + " for this invoice before the line"));
                continue;
            }
            current.act(layout, raw.lineNo(), cells, problem);
        }
        if (current != null) {
            invoices.add(current.build());
        }
        return invoices;
    }

    static LineError malformed(int lineNo, String message) {
        return new LineError(lineNo, InvoiceRejection.MALFORMED_LINE.name(), message);
    }

    private static final class Builder {
        private final int lineNo;
        private String number;
        private String provider;
        private LocalDate invoiceDate;
        private BigDecimal total;
        private String card;
        private String matricule;
        private Integer rank;
        private String lastName;
        private String firstName;
        private LocalDate birthDate;
        private final List<Act> acts = new ArrayList<>();
        private final List<Integer> actLineNos = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();

        Builder(int lineNo) {
            this.lineNo = lineNo;
        }

        void header(InvoiceLayout layout, String[] cells) {
            InvoiceLayout.Record r = layout.invoice();
            if (cells.length != r.width()) {
                errors.add(malformed(lineNo, "an invoice record has " + r.width() + " columns, this one " + cells.length));
                return;
            }
            number = r.cell(cells, "invoice");
            provider = r.cell(cells, "provider");
            card = blankToNull(r.cell(cells, "card"));
            matricule = blankToNull(r.cell(cells, "matricule"));
            lastName = blankToNull(r.cell(cells, "last-name"));
            firstName = blankToNull(r.cell(cells, "first-name"));
            String problem = number.isEmpty() || number.length() > MAX_TEXT ? "the invoice number is required (at most 30 characters)"
                    : provider.isEmpty() || provider.length() > 20 ? "the provider code is required (at most 20 characters)"
                    : card == null && matricule == null ? "the card number (or matricule) is required"
                    : over(card, MAX_TEXT) || over(matricule, 12) || over(lastName, 100) || over(firstName, 100)
                    ? "the card, matricule or a name is longer than the hub keeps" : null;
            try {
                if (problem == null) {
                    invoiceDate = date(r.cell(cells, "invoice-date"), layout);
                    total = layout.amount(r.cell(cells, "total"));
                    rank = Integer.valueOf(r.cell(cells, "rank"));
                    String birth = r.cell(cells, "birth-date");
                    birthDate = birth.isEmpty() ? null : date(birth, layout);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                problem = "the invoice date, birth date, total or rank cannot be read";
            }
            if (problem != null) {
                errors.add(malformed(lineNo, problem));
            }
        }

        void act(InvoiceLayout layout, int no, String[] cells, String problem) {
            actLineNos.add(no);
            InvoiceLayout.Record r = layout.line();
            if (problem == null && cells.length != r.width()) {
                problem = "an act record has " + r.width() + " columns, this one " + cells.length;
            }
            if (problem == null) {
                try {
                    String quantity = r.cell(cells, "quantity");
                    Act act = new Act(no, date(r.cell(cells, "date-of-care"), layout), r.cell(cells, "act"),
                            quantity.isEmpty() ? 1 : Integer.parseInt(quantity), layout.amount(r.cell(cells, "amount")),
                            blankToNull(r.cell(cells, "voucher")));
                    problem = act.act().isEmpty() || act.act().length() > 10 ? "the act code is required (at most 10 characters)"
                            : act.quantity() < 1 || act.quantity() > 999 ? "the quantity must be from 1 to 999"
                            : act.amount().signum() < 0 ? "the amount cannot be negative"
                            : over(act.voucher(), MAX_TEXT) ? "the voucher number is longer than 30 characters" : null;
                    if (problem == null) {
                        acts.add(act);
                    }
                } catch (DateTimeParseException | NumberFormatException e) {
                    problem = "the date of care, quantity or amount cannot be read";
                }
            }
            if (problem != null) {
                errors.add(malformed(no, problem));
            }
        }

        Invoice build() {
            if (errors.isEmpty() && acts.isEmpty()) {
                errors.add(malformed(lineNo, "an invoice has at least one act line"));
            }
            return new Invoice(lineNo, number, provider, invoiceDate, total, card, matricule, rank, lastName, firstName, birthDate,
                    List.copyOf(acts), List.copyOf(actLineNos), List.copyOf(errors));
        }

        private static LocalDate date(String text, InvoiceLayout layout) {
            LocalDate date = LocalDate.parse(text, layout.dates());
            if (!com.groupcare.hub.common.PartnerText.plausible(date)) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return date;
        }

        private static boolean over(String value, int max) {
            return value != null && value.length() > max;
        }

        private static String blankToNull(String value) {
            return value.isEmpty() ? null : value;
        }
    }
}
