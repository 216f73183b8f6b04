package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a payment batch pays for some criteria, read as a stream: one transfer per payee, the sum of
 * its payables net of its open overpayments; payees held back (account missing or invalid) and
 * carried over (nothing left to pay, or below the minimum), each with the reason. The payables come
 * ordered by payee from a cursor, so one payee at a time is in memory whatever the batch's size;
 * when confirming, they and the payees' open overpayments are locked as they are read.
 */
final class PaymentProposal {

    /** The desk's selection: dates the payables were made, payee type, contract, payee's bank, minimum per transfer. */
    record Criteria(LocalDate from, LocalDate to, String payeeType, String policyNumber, String bank, BigDecimal minAmount,
                    String debtor, LocalDate executionDate) {
    }

    /** A transfer to be: the payee, its account, the payables it pays and the overpayments it recovers. */
    record Transfer(String payeeType, String payee, String name, String account, BigDecimal payablesTotal, BigDecimal recovered,
                    List<Long> payables, Map<Long, BigDecimal> recoveries) {

        BigDecimal amount() {
            return payablesTotal.subtract(recovered);
        }
    }

    record Left(String payeeType, String payee, BigDecimal payablesTotal, String reason) {
    }

    /** Receives each payee's outcome in turn. */
    interface Sink {
        void transfer(Transfer transfer);

        void left(Left left, boolean held);
    }

    private static final String SELECTION = """
            from payable p
            where p.status = 'PAYABLE' and p.transfer_id is null and p.currency = ?
              -- a remittance still being applied (or failed half-way, awaiting its replay) may add to its payables
              and exists (select 1 from exchange e where e.id = p.exchange_id and e.status in ('DONE', 'DONE_WITH_ERRORS'))
              and (?::date is null or p.created_at >= ?::date) and (?::date is null or p.created_at < ?::date + 1)
              and (?::varchar is null or p.payee_type = ?) and (?::varchar is null or p.policy_number = ?)""";

    private PaymentProposal() {
    }

    static void stream(JdbcTemplate jdbc, Criteria c, String currency, boolean lock, Sink sink) {
        Object[] args = {currency, c.from(), c.from(), c.to(), c.to(), c.payeeType(), c.payeeType(), c.policyNumber(), c.policyNumber()};
        if (lock) {
            // the payees' open overpayments first, in one order for everyone: two confirmations never deadlock
            jdbc.query("select o.id from overpayment o where o.status = 'OPEN' and (o.payee_type, o.payee) in "
                    + "(select distinct p.payee_type, p.payee " + SELECTION + ") order by o.id for update of o", rs -> {
            }, args);
        }
        Group group = new Group(c, sink);
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select p.id, p.payee_type, p.payee, p.net_amount,
                           coalesce(m.first_name || ' ' || m.last_name, v.name, p.payee) as name, coalesce(m.bank_account, v.bank_account),
                           (select coalesce(array_agg(o.id order by o.id), '{}') from overpayment o
                            where o.payee_type = p.payee_type and o.payee = p.payee and o.status = 'OPEN') as debt_ids,
                           (select coalesce(array_agg(o.amount - o.recovered order by o.id), '{}') from overpayment o
                            where o.payee_type = p.payee_type and o.payee = p.payee and o.status = 'OPEN') as debts
                    """ + SELECTION.replace("from payable p", "from payable p left join member m on p.payee_type = 'MEMBER' "
                    + "and m.id::text = p.payee left join provider v on p.payee_type = 'PROVIDER' and v.code = p.payee")
                    + " order by p.payee_type, p.payee, p.id" + (lock ? " for update of p" : ""));
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.setFetchSize(5000);
            return ps;
        }, rs -> {
            group.add(rs);
        });
        group.emit();
    }

    /** The rows of one payee, gathered until the next payee starts. */
    private static final class Group {
        private final Criteria criteria;
        private final Sink sink;
        private String type;
        private String payee;
        private String name;
        private String account;
        private BigDecimal gross = BigDecimal.ZERO;
        private final List<Long> payables = new ArrayList<>();
        private final Map<Long, BigDecimal> debts = new LinkedHashMap<>();

        Group(Criteria criteria, Sink sink) {
            this.criteria = criteria;
            this.sink = sink;
        }

        void add(ResultSet rs) throws SQLException {
            if (payee != null && !(rs.getString(2).equals(type) && rs.getString(3).equals(payee))) {
                emit();
            }
            if (payee == null) {
                type = rs.getString(2);
                payee = rs.getString(3);
                name = rs.getString(5);
                account = rs.getString(6);
                Long[] ids = (Long[]) rs.getArray(7).getArray();
                BigDecimal[] open = (BigDecimal[]) rs.getArray(8).getArray();
                for (int i = 0; i < ids.length; i++) {
                    debts.put(ids[i], open[i]);
                }
            }
            payables.add(rs.getLong(1));
            gross = gross.add(rs.getBigDecimal(4));
        }

        void emit() {
            if (payee == null) {
                return;
            }
            BankAccountCheck.Verdict verdict = BankAccountCheck.check(account);
            BigDecimal owed = debts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (criteria.bank() != null && verdict.valid() && !criteria.bank().equals(BankAccountCheck.bankCode(account))) {
                // another bank's client: not in this selection
            } else if (!verdict.valid()) {
                sink.left(new Left(type, payee, gross, "account: " + verdict.reason()), true);
            } else if (gross.compareTo(owed) <= 0) {
                sink.left(new Left(type, payee, gross, "owes " + owed.toPlainString() + " of overpayments: nothing left to pay"), false);
            } else if (criteria.minAmount() != null && gross.subtract(owed).compareTo(criteria.minAmount()) < 0) {
                sink.left(new Left(type, payee, gross, "below the minimum of " + criteria.minAmount().toPlainString()), false);
            } else {
                sink.transfer(new Transfer(type, payee, name, account.replace(" ", ""), gross, owed, List.copyOf(payables),
                        Map.copyOf(debts)));
            }
            payee = null;
            gross = BigDecimal.ZERO;
            payables.clear();
            debts.clear();
        }
    }
}
