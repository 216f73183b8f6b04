package com.groupcare.hub.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.claim.ClaimRequests.NewLine;
import com.groupcare.hub.claim.InvoiceClaims;
import com.groupcare.hub.claim.InvoiceClaims.Patient;
import com.groupcare.hub.claim.InvoiceClaims.Verdict;
import com.groupcare.hub.common.Money;
import com.groupcare.hub.common.PgCopy;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.provider.Provider;
import com.groupcare.hub.provider.ProviderRepository;
import com.groupcare.hub.tiers.InvoiceRecords.Act;
import com.groupcare.hub.tiers.InvoiceRecords.Invoice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the invoices of one chunk and records the outcome of every line, in the pipeline's
 * transaction. The invoice first (total, date, provider, patient), then each act (date, contract,
 * time limit, convention, duplicate), then the claim engine on what is left: the accepted acts of an
 * invoice and a date of care become one claim, payee the provider, valued and reserved as any claim
 * form. Chunks of one provider never run side by side (an advisory lock per provider), so the
 * duplicate control sees every act accepted before.
 */
@Component
class InvoiceRecorder {

    private final JdbcTemplate jdbc;
    private final InvoiceClaims claims;
    private final ProviderRepository providers;

    InvoiceRecorder(JdbcTemplate jdbc, InvoiceClaims claims, ProviderRepository providers) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.providers = providers;
    }

    /** Records the chunk's outcomes; returns its rejected lines. */
    List<LineError> record(long exchangeId, LocalDate received, InvoiceLayout layout, List<Invoice> invoices, List<LineError> loose,
                           String actor) {
        List<InvoiceOutcome> outcomes = new ArrayList<>(loose.stream().map(InvoiceOutcome::of).toList());
        List<Invoice> readable = new ArrayList<>();
        for (Invoice invoice : invoices) {
            if (invoice.readable()) {
                readable.add(invoice);
            } else {
                for (LineError e : invoice.refusedWhole()) {
                    InvoiceOutcome o = InvoiceOutcome.of(e);
                    outcomes.add(o);
                    o.invoice = invoice.number();
                }
            }
        }
        List<String> codes = readable.stream().map(Invoice::provider).distinct().sorted().toList();
        codes.forEach(code -> jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('provider-invoice:' || ?))", Object.class, code));
        Map<String, Provider> known = providers.findAllById(codes).stream().collect(Collectors.toMap(Provider::getCode, Function.identity()));
        InvoiceClaims.Session session = claims.session();
        List<Patient> patients = session.identify(readable.stream().map(i -> new InvoiceClaims.Identity(i.card(), i.matricule(),
                i.rank(), i.lastName(), i.firstName(), i.birthDate())).toList());
        Set<String> seen = acceptedBefore(readable);
        for (int i = 0; i < readable.size(); i++) {
            outcomes.addAll(new Checked(readable.get(i), patients.get(i), known.get(readable.get(i).provider()), session, seen,
                    exchangeId).run(received, layout, actor));
        }
        session.flush();
        outcomes.sort(Comparator.comparingInt(o -> o.lineNo));
        PgCopy.insert(jdbc, "provider_invoice_line", InvoiceOutcome.COLUMNS, outcomes, o -> o.row(exchangeId));
        return outcomes.stream().filter(o -> !o.accepted()).map(InvoiceOutcome::error).toList();
    }

    /** One invoice on its way through the checks. */
    private final class Checked {
        private final Invoice invoice;
        private final Patient patient;
        private final Provider provider;
        private final InvoiceClaims.Session session;
        private final Set<String> seen;
        /** Two identical acts on one invoice are a duplicate too: the key has no quantity nor line number. */
        private final Set<String> thisInvoice = new java.util.HashSet<>();
        private final long exchangeId;
        private final InvoiceOutcome head;
        private final List<InvoiceOutcome> acts = new ArrayList<>();

        Checked(Invoice invoice, Patient patient, Provider provider, InvoiceClaims.Session session, Set<String> seen, long exchangeId) {
            this.invoice = invoice;
            this.patient = patient;
            this.provider = provider;
            this.session = session;
            this.seen = seen;
            this.exchangeId = exchangeId;
            head = describe(new InvoiceOutcome(invoice.lineNo(), "INVOICE"));
            for (Act act : invoice.acts()) {
                InvoiceOutcome o = describe(new InvoiceOutcome(act.lineNo(), "LINE"));
                o.act = act.act();
                o.dateOfCare = act.dateOfCare();
                o.quantity = act.quantity();
                o.amount = act.amount();
                acts.add(o);
            }
        }

        private InvoiceOutcome describe(InvoiceOutcome o) {
            o.invoice = invoice.number();
            o.provider = invoice.provider();
            o.invoiceDate = invoice.invoiceDate();
            o.total = invoice.total();
            if (patient != null) {
                o.beneficiary = patient.beneficiaryId();
                o.identifiedBy = patient.byName() ? "NAME" : invoice.card() != null ? "CARD" : "MATRICULE";
            }
            return o;
        }

        List<InvoiceOutcome> run(LocalDate received, InvoiceLayout layout, String actor) {
            List<InvoiceOutcome> all = new ArrayList<>();
            all.add(head);
            all.addAll(acts);
            String refusal = invoice.total().compareTo(invoice.sumOfActs()) != 0 ? "TOTAL_MISMATCH" : invoice.invoiceDate().isAfter(received)
                    ? "INVOICE_DATE_FUTURE" : provider == null ? "PROVIDER_UNKNOWN"
                    : !layout.specialties().contains(provider.getSpecialty()) ? "PROVIDER_OTHER_GROUP"
                    : patient == null ? "UNKNOWN_BENEFICIARY" : null;
            if (refusal != null) {
                InvoiceRejection code = InvoiceRejection.valueOf(refusal);
                String why = switch (code) {
                    case TOTAL_MISMATCH -> "invoice total " + invoice.total().toPlainString() + ", sum of its lines "
                            + invoice.sumOfActs().toPlainString();
                    case INVOICE_DATE_FUTURE -> "invoice dated " + invoice.invoiceDate() + ", received " + received;
                    case PROVIDER_UNKNOWN -> "no provider " + invoice.provider() + " in the provider list";
                    case PROVIDER_OTHER_GROUP -> "provider " + invoice.provider() + " is a " + provider.getSpecialty()
                            + ": the " + layout.group() + " group bills for " + layout.specialties();
                    default -> "neither the card (or matricule) and rank nor the name and birth date identify one beneficiary";
                };
                all.forEach(o -> o.reject(code, why));
                return all;
            }
            Map<String, List<InvoiceOutcome>> claimsToBe = new LinkedHashMap<>();
            Map<String, InsuranceContract> contracts = new LinkedHashMap<>();
            for (int i = 0; i < acts.size(); i++) {
                InvoiceOutcome o = acts.get(i);
                Act act = invoice.acts().get(i);
                InsuranceContract contract = session.contract(patient, act.act(), act.dateOfCare()).orElse(null);
                lineChecks(o, act, contract, received);
                if (o.accepted()) {
                    String key = act.dateOfCare() + "/" + contract.policyNumber();
                    claimsToBe.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
                    contracts.put(key, contract);
                }
            }
            int n = 0;
            for (Map.Entry<String, List<InvoiceOutcome>> claim : claimsToBe.entrySet()) {
                String number = "TP-" + exchangeId + "-" + invoice.lineNo() + (claimsToBe.size() > 1 ? "-" + (++n) : "");
                value(number, contracts.get(claim.getKey()), claim.getValue(), actor);
            }
            // only an act accepted counts for later duplicates: one the engine refused may come again, corrected
            acts.stream().filter(InvoiceOutcome::accepted).forEach(o -> seen.add(o.controlKey));
            List<InvoiceOutcome> accepted = acts.stream().filter(InvoiceOutcome::accepted).toList();
            if (accepted.isEmpty()) {
                head.reject(acts.get(0).code, "no act of this invoice is accepted");
            } else {
                head.currency = accepted.get(0).currency;
                head.amountAccepted = accepted.stream().map(o -> o.amountAccepted).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            return all;
        }

        private void lineChecks(InvoiceOutcome o, Act act, InsuranceContract contract, LocalDate received) {
            String key = String.join("|", invoice.provider(), invoice.number(), patient.beneficiaryId().toString(), act.act(),
                    act.amount().stripTrailingZeros().toPlainString(), act.dateOfCare().toString(),
                    invoice.total().stripTrailingZeros().toPlainString(), invoice.invoiceDate().toString());
            o.controlKey = key;
            if (act.dateOfCare().isAfter(invoice.invoiceDate())) {
                o.reject(InvoiceRejection.CARE_AFTER_INVOICE, "care on " + act.dateOfCare() + ", invoice dated " + invoice.invoiceDate());
            } else if (contract == null) {
                o.reject(InvoiceRejection.RIGHTS_CLOSED, "no contract covers the beneficiary's unit");
            } else if (act.amount().stripTrailingZeros().scale() > Money.minorUnits(contract.currency())) {
                o.reject(InvoiceRejection.MALFORMED_LINE, "the amount has more decimals than " + contract.currency() + " allows");
            } else if (contract.invoiceTimeLimitDays() != null
                    && act.dateOfCare().plusDays(contract.invoiceTimeLimitDays()).isBefore(received)) {
                // measured to the day the file reached the hub: an invoice date is the provider's to write
                o.reject(InvoiceRejection.CARE_TOO_OLD, "care on " + act.dateOfCare() + " reached the hub on " + received
                        + ", over the contract's " + contract.invoiceTimeLimitDays() + " days");
            } else if (!provider.conventionedOn(act.dateOfCare())) {
                o.reject(InvoiceRejection.PROVIDER_NOT_CONVENTIONED, "provider " + provider.getCode()
                        + " has no convention in force on " + act.dateOfCare());
            } else if (seen.contains(key) || !thisInvoice.add(key)) {
                o.reject(InvoiceRejection.DUPLICATE, "the same act (provider, invoice, beneficiary, act, amount, date of care, "
                        + "invoice total and date) is already billed earlier in this file or accepted from an earlier one");
            }
        }

        /** The engine values the acts of one date; the refused are rejected with its reason, the others become the claim. */
        private void value(String number, InsuranceContract contract, List<InvoiceOutcome> candidates, String actor) {
            List<InvoiceClaims.Act> asked = candidates.stream().map(o -> new InvoiceClaims.Act(o.act, o.quantity, o.amount,
                    invoice.acts().stream().filter(a -> a.lineNo() == o.lineNo).findFirst().orElseThrow().voucher())).toList();
            List<Verdict> verdicts = session.value(contract, patient, candidates.get(0).dateOfCare, asked);
            List<InvoiceOutcome> accepted = new ArrayList<>();
            List<NewLine> lines = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Verdict verdict = verdicts.get(i);
                if (verdict.refusal() != null) {
                    candidates.get(i).reject(InvoiceRejection.of(verdict.refusal()), verdict.message() != null ? verdict.message()
                            : InvoiceRejection.why(verdict.refusal(), asked.get(i).actCode()));
                } else {
                    accepted.add(candidates.get(i));
                    lines.add(new NewLine(asked.get(i).actCode(), asked.get(i).quantity(), asked.get(i).amount(), asked.get(i).voucher()));
                }
            }
            if (accepted.isEmpty()) {
                return;
            }
            NewClaim claim = new NewClaim(number, contract.policyNumber(), patient.matricule(), patient.rank(), invoice.provider(),
                    accepted.get(0).dateOfCare, lines);
            List<BigDecimal> expected = session.record(claim, actor);
            for (int i = 0; i < accepted.size(); i++) {
                InvoiceOutcome o = accepted.get(i);
                if (expected == null) {
                    o.reject(InvoiceRejection.RIGHTS_CLOSED, "the claim engine refused the claim of these acts");
                    continue;
                }
                o.amountAccepted = expected.get(i);
                o.currency = contract.currency();
                o.claimNumber = number;
                o.claimLineNo = i + 1;
            }
        }
    }

    /** The control keys of the acts already accepted on the chunk's invoices (any file, any day). */
    private Set<String> acceptedBefore(List<Invoice> invoices) {
        Set<String> keys = new HashSet<>();
        if (invoices.isEmpty()) {
            return keys;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select l.provider_code, l.invoice_number, l.beneficiary_id, l.act_code, l.amount, l.date_of_care,
                           l.invoice_total, l.invoice_date
                    from unnest(?::varchar[], ?::varchar[]) as k(provider, invoice)
                    join provider_invoice_line l on l.provider_code = k.provider and l.invoice_number = k.invoice
                    where l.status = 'ACCEPTED' and l.record_type = 'LINE'""");
            ps.setArray(1, con.createArrayOf("varchar", invoices.stream().map(Invoice::provider).toArray()));
            ps.setArray(2, con.createArrayOf("varchar", invoices.stream().map(Invoice::number).toArray()));
            return ps;
        }, rs -> {
            keys.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBigDecimal(5).stripTrailingZeros().toPlainString(), rs.getString(6),
                    rs.getBigDecimal(7).stripTrailingZeros().toPlainString(), rs.getString(8)));
        });
        return keys;
    }
}
