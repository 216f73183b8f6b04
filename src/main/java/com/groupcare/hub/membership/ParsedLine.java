package com.groupcare.hub.membership;

/**
 * A line after parsing: a record, or a rejection with its reason. A rejected line still tells
 * its matricule and rank when it had readable ones, so a full snapshot does not mistake the
 * member for a leaver (rank -1 when only the matricule could be read).
 */
public record ParsedLine(int lineNo, HrRecord record, HrRejection rejection, String message,
                         String matricule, int rank) {

    static ParsedLine ok(HrRecord record) {
        return new ParsedLine(record.lineNo(), record, null, null, record.matricule(), record.rank());
    }

    static ParsedLine rejected(int lineNo, HrRejection reason, String message, String matricule, int rank) {
        return new ParsedLine(lineNo, null, reason, message, matricule, rank);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
