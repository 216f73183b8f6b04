package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a payment batch would pay for some criteria: one transfer per payee, the sum of its payables
 * net of its open overpayments; payees held back (account missing or invalid) and carried over
 * (nothing left to pay, or below the minimum), each with the reason. Read under lock when confirmed.
 */
final class PaymentProposal {

    /** The desk's selection: dates the payables were made, payee type, contract, payee's bank, minimum per transfer. */
    record Criteria(LocalDate from, LocalDate to, String payeeType, String policyNumber, String bank, BigDecimal minAmount,
                    String debtor, LocalDate executionDate) {
    }

    record Debt(long overpaymentId, BigDecimal open) {
    }

    /** A transfer to be: the payee, its account, the payables it pays and the debts it recovers. */
    record Transfer(String payeeType, String payee, String name, String account, BigDecimal payablesTotal, BigDecimal recovered,
                    List<Long> payables, Map<Long, BigDecimal> recoveries) {

        BigDecimal amount() {
            return payablesTotal.subtract(recovered);
        }
    }

    record Left(String payeeType, String payee, BigDecimal payablesTotal, String reason) {
    }

    final List<Transfer> transfers = new ArrayList<>();
    final List<Left> held = new ArrayList<>();
    final List<Left> carried = new ArrayList<>();

    BigDecimal total() {
        return transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static PaymentProposal of(JdbcTemplate jdbc, Criteria c, String currency, boolean lock) {
        Map<List<String>, List<Object[]>> byPayee = new LinkedHashMap<>();
        jdbc.query("""
                select p.id, p.payee_type, p.payee, p.net_amount from payable p
                where p.status = 'PAYABLE' and p.transfer_id is null and p.currency = ?
                  and (?::date is null or p.created_at >= ?::date) and (?::date is null or p.created_at < ?::date + 1)
                  and (?::varchar is null or p.payee_type = ?) and (?::varchar is null or p.policy_number = ?)
                order by p.id""" + (lock ? " for update" : ""), rs -> {
            byPayee.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                    .add(new Object[] {rs.getLong(1), rs.getBigDecimal(4)});
        }, currency, c.from(), c.from(), c.to(), c.to(), c.payeeType(), c.payeeType(), c.policyNumber(), c.policyNumber());
        Map<List<String>, String[]> who = payees(jdbc, byPayee.keySet());
        Map<List<String>, Deque<Debt>> debts = debts(jdbc, byPayee.keySet(), lock);
        PaymentProposal proposal = new PaymentProposal();
        byPayee.forEach((payee, rows) -> {
            BigDecimal gross = rows.stream().map(r -> (BigDecimal) r[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
            String[] details = who.getOrDefault(payee, new String[] {payee.get(1), null});
            BankAccountCheck.Verdict account = BankAccountCheck.check(details[1]);
            if (c.bank() != null && account.valid() && !c.bank().equals(BankAccountCheck.bankCode(details[1]))) {
                return;
            }
            BigDecimal owed = debts.getOrDefault(payee, new ArrayDeque<>()).stream().map(Debt::open).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!account.valid()) {
                proposal.held.add(new Left(payee.get(0), payee.get(1), gross, "account: " + account.reason()));
            } else if (gross.compareTo(owed) <= 0) {
                proposal.carried.add(new Left(payee.get(0), payee.get(1), gross, "owes " + owed.toPlainString()
                        + " of overpayments: nothing left to pay"));
            } else if (c.minAmount() != null && gross.subtract(owed).compareTo(c.minAmount()) < 0) {
                proposal.carried.add(new Left(payee.get(0), payee.get(1), gross, "below the minimum of " + c.minAmount().toPlainString()));
            } else {
                Map<Long, BigDecimal> recoveries = new LinkedHashMap<>();
                debts.getOrDefault(payee, new ArrayDeque<>()).forEach(d -> recoveries.put(d.overpaymentId(), d.open()));
                proposal.transfers.add(new Transfer(payee.get(0), payee.get(1), details[0], details[1].replace(" ", ""), gross, owed,
                        rows.stream().map(r -> (Long) r[0]).toList(), recoveries));
            }
        });
        return proposal;
    }

    /** Name and account of each payee: the member, or the provider. */
    private static Map<List<String>, String[]> payees(JdbcTemplate jdbc, java.util.Set<List<String>> payees) {
        Map<List<String>, String[]> out = new HashMap<>();
        String[] members = payees.stream().filter(p -> p.get(0).equals("MEMBER")).map(p -> p.get(1)).toArray(String[]::new);
        String[] providers = payees.stream().filter(p -> p.get(0).equals("PROVIDER")).map(p -> p.get(1)).toArray(String[]::new);
        jdbc.query("select m.id::text, m.first_name || ' ' || m.last_name, m.bank_account from unnest(?::uuid[]) as i(id) "
                + "join member m on m.id = i.id", rs -> {
            out.put(List.of("MEMBER", rs.getString(1)), new String[] {rs.getString(2), rs.getString(3)});
        }, (Object) members);
        jdbc.query("select p.code, p.name, p.bank_account from unnest(?::varchar[]) as i(code) join provider p on p.code = i.code", rs -> {
            out.put(List.of("PROVIDER", rs.getString(1)), new String[] {rs.getString(2), rs.getString(3)});
        }, (Object) providers);
        return out;
    }

    private static Map<List<String>, Deque<Debt>> debts(JdbcTemplate jdbc, java.util.Set<List<String>> payees, boolean lock) {
        Map<List<String>, Deque<Debt>> out = new HashMap<>();
        if (payees.isEmpty()) {
            return out;
        }
        String[] types = payees.stream().map(p -> p.get(0)).toArray(String[]::new);
        String[] keys = payees.stream().map(p -> p.get(1)).toArray(String[]::new);
        jdbc.query("""
                select o.id, o.payee_type, o.payee, o.amount - o.recovered from unnest(?::varchar[], ?::varchar[]) as i(t, k)
                join overpayment o on o.payee_type = i.t and o.payee = i.k and o.status = 'OPEN'
                order by o.id""" + (lock ? " for update of o" : ""), rs -> {
            out.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new ArrayDeque<>())
                    .add(new Debt(rs.getLong(1), rs.getBigDecimal(4)));
        }, types, keys);
        return out;
    }
}
