package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.claim.ConsumptionLedger.Reservation;
import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.common.Money;
import com.groupcare.hub.contract.ActFamilyCeiling;
import com.groupcare.hub.contract.BenefitRule;
import com.groupcare.hub.contract.BenefitSchedule;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.contract.InsuranceContract.ContractYear;

/**
 * The expected reimbursement of a claim, line by line (DOMAIN.md, "Rules tests must pin down").
 * Checks in the order openIMIS uses: rights (the contract's age rules included), act covered, age, waiting period, voucher,
 * periodicity, yearly count; then the amount: base x rate (base = the amount charged, or the
 * reference tariff x quantity when lower), the per-act cap, and what remains of each ceiling.
 * Each line is rounded half-up to the currency's minor unit and reserved in the ledger, so the
 * next line of the same claim sees it.
 */
public class ClaimValuator {

    public ValuedClaim value(InsuranceContract contract, String claimId, CoveredPerson person, LocalDate dateOfCare,
                             List<ClaimLineInput> lines, ConsumptionLedger ledger) {
        List<ValuedLine> valued = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            valued.add(valueLine(contract, claimId, i + 1, person, dateOfCare, lines.get(i), ledger));
        }
        return new ValuedClaim(claimId, contract.currency(), valued);
    }

    private ValuedLine valueLine(InsuranceContract contract, String claimId, int lineNo, CoveredPerson person,
                                 LocalDate dateOfCare, ClaimLineInput line, ConsumptionLedger ledger) {
        String currency = contract.currency();
        BenefitSchedule schedule = contract.scheduleAt(dateOfCare).orElse(null);
        if (schedule == null) {
            return refused(lineNo, line, currency, ValuationReason.NO_SCHEDULE);
        }
        if (!contract.inForceOn(dateOfCare)) {
            return refused(lineNo, line, currency, ValuationReason.CONTRACT_ENDED);
        }
        if (line.quantity() < 1 || line.amountCharged() == null || line.amountCharged().signum() < 0
                || line.amountCharged().stripTrailingZeros().scale() > Money.minorUnits(currency)) {
            return refused(lineNo, line, currency, ValuationReason.MALFORMED_LINE);
        }
        if (!person.coveredOn(dateOfCare)) {
            return refused(lineNo, line, currency,
                    person.pastAgeLimitOn(dateOfCare) ? ValuationReason.AGE_LIMIT : ValuationReason.RIGHTS_CLOSED);
        }
        if (contract.pastAgeRulesOn(person.birthDate(), person.coverStart(), dateOfCare)) {
            return refused(lineNo, line, currency, ValuationReason.AGE_LIMIT);
        }
        BenefitRule rule = schedule.rule(line.actCode()).orElse(null);
        if (rule == null) {
            return refused(lineNo, line, currency, ValuationReason.ACT_NOT_COVERED);
        }
        int age = Period.between(person.birthDate(), dateOfCare).getYears();
        if ((rule.minAge() != null && age < rule.minAge()) || (rule.maxAge() != null && age > rule.maxAge())) {
            return refused(lineNo, line, currency, ValuationReason.AGE_LIMIT);
        }
        if (rule.waitingMonths() != null && dateOfCare.isBefore(person.coverStart().plusMonths(rule.waitingMonths()))) {
            return refused(lineNo, line, currency, ValuationReason.WAITING_PERIOD);
        }
        if (rule.priorApprovalRequired() && !line.voucher()) {
            return refused(lineNo, line, currency, ValuationReason.VOUCHER_MISSING);
        }
        if (rule.periodicityMonths() != null && tooSoon(contract, person, rule, dateOfCare, ledger)) {
            return refused(lineNo, line, currency, ValuationReason.PERIODICITY);
        }
        ContractYear year = contract.yearOf(dateOfCare);
        if (rule.maxCountPerYear() != null && ledger.count(person.beneficiaryId(), rule.actCode(), year) >= rule.maxCountPerYear()) {
            return refused(lineNo, line, currency, ValuationReason.MAX_COUNT);
        }

        List<ValuationReason> reasons = new ArrayList<>();
        BigDecimal base = line.amountCharged();
        if (rule.referenceTariff() != null) {
            BigDecimal tariffBase = rule.referenceTariff().multiply(BigDecimal.valueOf(line.quantity()));
            if (tariffBase.compareTo(base) < 0) {
                base = tariffBase;
                reasons.add(ValuationReason.TARIFF_APPLIED);
            }
        }
        BigDecimal amount = Money.round(base.multiply(rule.rate()), currency);
        amount = limit(amount, rule.perActCap(), ValuationReason.CAP_APPLIED, reasons, currency);
        amount = limit(amount, remaining(schedule.beneficiaryYearCeiling(), ledger, Scope.BENEFICIARY,
                person.beneficiaryId(), year), ValuationReason.BENEFICIARY_CEILING, reasons, currency);
        amount = limit(amount, remaining(schedule.familyYearCeiling(), ledger, Scope.FAMILY,
                person.familyId(), year), ValuationReason.FAMILY_CEILING, reasons, currency);
        ActFamilyCeiling actFamily = schedule.actFamilyCeiling(rule.actFamily());
        if (actFamily != null) {
            boolean shared = actFamily.scope() == ActFamilyCeiling.Scope.FAMILY;
            amount = limit(amount, remaining(actFamily.amount(), ledger, shared ? Scope.FAMILY_ACT_FAMILY : Scope.ACT_FAMILY,
                    (shared ? person.familyId() : person.beneficiaryId()) + "/" + rule.actFamily(), year),
                    ValuationReason.ACT_FAMILY_CEILING, reasons, currency);
        }
        if (amount.signum() == 0) {
            if (reasons.stream().anyMatch(ClaimValuator::isCeiling)) {
                reasons.add(0, ValuationReason.CEILING_EXHAUSTED);
            }
            return new ValuedLine(lineNo, line, amount, List.copyOf(reasons));
        }
        ledger.reserve(new Reservation(claimId, lineNo, person.beneficiaryId(), person.familyId(), rule.actCode(),
                rule.actFamily(), dateOfCare, year, amount));
        return new ValuedLine(lineNo, line, amount, List.copyOf(reasons));
    }

    /**
     * Care of the act less than N months after an earlier one, or N months before a later one (a form can
     * come late). Both ways count months from the earlier care, so the answer does not depend on the order
     * the forms came in (glasses on 29/02/2028 allow glasses again from 28/02/2030, whichever is filed first).
     */
    private static boolean tooSoon(InsuranceContract contract, CoveredPerson person, BenefitRule rule, LocalDate dateOfCare,
                                   ConsumptionLedger ledger) {
        int months = rule.periodicityMonths();
        boolean afterEarlier = ledger.lastCare(contract.policyNumber(), person.beneficiaryId(), rule.actCode(), dateOfCare)
                .map(earlier -> dateOfCare.isBefore(earlier.plusMonths(months))).orElse(false);
        return afterEarlier || ledger.careBetween(contract.policyNumber(), person.beneficiaryId(), rule.actCode(),
                dateOfCare, dateOfCare.plusMonths(months)).isPresent();
    }

    private static boolean isCeiling(ValuationReason reason) {
        return reason == ValuationReason.BENEFICIARY_CEILING || reason == ValuationReason.FAMILY_CEILING
                || reason == ValuationReason.ACT_FAMILY_CEILING;
    }

    /** What is left of a ceiling; the ledger is not asked when there is no such ceiling. */
    private static BigDecimal remaining(BigDecimal ceiling, ConsumptionLedger ledger, Scope scope, String key, ContractYear year) {
        return ceiling == null ? null : ceiling.subtract(ledger.used(scope, key, year)).max(BigDecimal.ZERO);
    }

    private static BigDecimal limit(BigDecimal amount, BigDecimal limit, ValuationReason reason,
                                    List<ValuationReason> reasons, String currency) {
        if (limit != null && amount.compareTo(limit) > 0) {
            reasons.add(reason);
            return Money.round(limit, currency);
        }
        return amount;
    }

    private static ValuedLine refused(int lineNo, ClaimLineInput line, String currency, ValuationReason reason) {
        return new ValuedLine(lineNo, line, Money.zero(currency), List.of(reason));
    }
}
