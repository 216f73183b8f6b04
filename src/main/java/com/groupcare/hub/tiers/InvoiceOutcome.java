package com.groupcare.hub.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.groupcare.hub.exchange.LineError;

/** The outcome of one line of an invoice file: a row of provider_invoice_line, and a line of the acknowledgement. */
final class InvoiceOutcome {

    static final String COLUMNS = "exchange_id, line_no, record_type, invoice_number, provider_code, invoice_date, invoice_total, "
            + "beneficiary_id, act_code, date_of_care, quantity, amount, status, code, message, amount_accepted, currency, "
            + "claim_number, claim_line_no, identified_by";

    final int lineNo;
    final String recordType;
    String invoice;
    String provider;
    LocalDate invoiceDate;
    BigDecimal total;
    UUID beneficiary;
    /** The duplicate-control key of an act (conditions générales 3.1.8), once its checks ran. */
    String controlKey;
    String act;
    LocalDate dateOfCare;
    Integer quantity;
    BigDecimal amount;
    InvoiceRejection code;
    String message;
    BigDecimal amountAccepted;
    String currency;
    String claimNumber;
    Integer claimLineNo;
    String identifiedBy;

    InvoiceOutcome(int lineNo, String recordType) {
        this.lineNo = lineNo;
        this.recordType = recordType;
    }

    static InvoiceOutcome of(LineError error) {
        InvoiceOutcome o = new InvoiceOutcome(error.lineNo(), "UNREAD");
        o.code = InvoiceRejection.valueOf(error.code());
        o.message = error.message();
        return o;
    }

    void reject(InvoiceRejection rejection, String why) {
        code = rejection;
        message = why;
        amountAccepted = null;
        claimNumber = null;
        claimLineNo = null;
    }

    boolean accepted() {
        return code == null;
    }

    LineError error() {
        return new LineError(lineNo, code.name(), message == null ? code.label() : message);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    Object[] row(long exchangeId) {
        // a refused line keeps what could be read of it, never more than its column holds
        return new Object[] {exchangeId, lineNo, recordType, clip(invoice, 30), clip(provider, 20), invoiceDate, total, beneficiary,
                clip(act, 10), dateOfCare,
                quantity, amount, accepted() ? "ACCEPTED" : "REJECTED", accepted() ? null : code.name(),
                message == null ? null : message.length() > 300 ? message.substring(0, 300) : message, amountAccepted, currency,
                claimNumber, claimLineNo, identifiedBy};
    }
}
