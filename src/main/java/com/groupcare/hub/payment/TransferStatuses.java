package com.groupcare.hub.payment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.groupcare.hub.exchange.LineError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bank's word on transfers, set-based: accepted ones pay their payables; rejected ones give their
 * payables back to be paid again (with the bank's reason on the transfer) and reopen the
 * overpayments they had recovered. Only a transfer still SENT changes: the same answer twice, or a
 * late one, changes nothing; a rejection after an acceptance is reported on the file for a person.
 */
@Component
class TransferStatuses {

    /** One answer: the transfer's end-to-end id, accepted or not, the bank's reason; {@code lineNo} for errors. */
    record Status(int lineNo, String endToEndId, boolean accepted, String reason) {
    }

    private final JdbcTemplate jdbc;

    TransferStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the answers; returns, as rejected entries of the file, those naming no transfer of the hub
     * and the rejections of transfers the bank had accepted (money is never taken back silently, and never
     * paid twice: their payables stay paid until a person has checked with the bank).
     */
    List<LineError> apply(List<Status> statuses) {
        List<Status> accepted = statuses.stream().filter(Status::accepted).toList();
        List<Status> rejected = statuses.stream().filter(s -> !s.accepted()).toList();
        List<Long> paid = jdbc.queryForList("update transfer set status = 'ACCEPTED' where end_to_end_id = any(?) and status = 'SENT' "
                + "returning id", Long.class, (Object) accepted.stream().map(Status::endToEndId).toArray(String[]::new));
        if (!paid.isEmpty()) {
            jdbc.update("update payable set status = 'PAID', updated_at = now() where transfer_id = any(?)", (Object) paid.toArray(Long[]::new));
        }
        List<Long> refused = new ArrayList<>();
        for (Status s : rejected) {
            refused.addAll(jdbc.queryForList("update transfer set status = 'REJECTED', status_reason = left(?, 200) "
                    + "where end_to_end_id = ? and status = 'SENT' returning id", Long.class, s.reason(), s.endToEndId()));
        }
        if (!refused.isEmpty()) {
            Long[] ids = refused.toArray(Long[]::new);
            jdbc.update("update payable set status = 'PAYABLE', transfer_id = null, updated_at = now() where transfer_id = any(?)", (Object) ids);
            jdbc.update("""
                    update overpayment o set recovered = o.recovered - r.amount, status = 'OPEN', recovered_at = null
                    from transfer_recovery r where r.transfer_id = any(?) and o.id = r.overpayment_id""", (Object) ids);
        }
        Set<String> known = new HashSet<>(jdbc.queryForList("select end_to_end_id from transfer where end_to_end_id = any(?)",
                String.class, (Object) statuses.stream().map(Status::endToEndId).toArray(String[]::new)));
        Set<String> acceptedBefore = new HashSet<>(jdbc.queryForList("select end_to_end_id from transfer where end_to_end_id = any(?) "
                + "and status = 'ACCEPTED'", String.class, (Object) rejected.stream().map(Status::endToEndId).toArray(String[]::new)));
        List<LineError> errors = new ArrayList<>();
        for (Status s : statuses) {
            if (!known.contains(s.endToEndId())) {
                errors.add(new LineError(s.lineNo(), "UNKNOWN_TRANSFER", "no transfer of the hub has end-to-end id " + s.endToEndId()));
            } else if (!s.accepted() && acceptedBefore.contains(s.endToEndId())) {
                errors.add(new LineError(s.lineNo(), "REJECTED_AFTER_ACCEPTANCE", "transfer " + s.endToEndId() + " was accepted "
                        + "by the bank before: its payables stay paid and are not paid again; check with the bank whether "
                        + "the money came back (" + s.reason() + ")"));
            }
        }
        return errors;
    }
}
