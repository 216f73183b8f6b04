package com.groupcare.hub.tiers;

import com.groupcare.hub.claim.ValuationReason;

/**
 * Why a line of a provider's invoice file is refused: a closed list, documented with what the
 * provider should do in docs/rejection-codes.md. The label is what the provider reads in its
 * acknowledgement (in French, the providers' language).
 */
enum InvoiceRejection {
    MALFORMED_LINE("Ligne illisible ou incomplète"),
    INVOICE_REFUSED("Facture refusée : son en-tête est rejeté ou absent"),
    TOTAL_MISMATCH("Total de la facture différent de la somme de ses lignes"),
    INVOICE_DATE_FUTURE("Date de facture dans le futur"),
    CARE_AFTER_INVOICE("Date des soins postérieure à la date de facture"),
    CARE_TOO_OLD("Soins facturés hors délai"),
    PROVIDER_UNKNOWN("Professionnel de santé inconnu"),
    PROVIDER_OTHER_GROUP("Professionnel de santé hors du groupe de ce fichier"),
    PROVIDER_NOT_CONVENTIONED("Professionnel de santé non conventionné à la date des soins"),
    UNKNOWN_BENEFICIARY("Bénéficiaire inconnu"),
    RIGHTS_CLOSED("Droits fermés à la date des soins"),
    ACT_NOT_COVERED("Acte non couvert par la garantie"),
    VOUCHER_MISSING("Prise en charge absente ou non valable"),
    PERIODICITY("Périodicité ou nombre d'actes dépassé"),
    CEILING_EXHAUSTED("Plafond atteint"),
    DUPLICATE("Doublon d'une prestation déjà facturée");

    private final String label;

    InvoiceRejection(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Why the engine gives nothing for the act, in the words of the acknowledgement's detail. */
    static String why(ValuationReason reason, String act) {
        return switch (reason) {
            case ACT_NOT_COVERED -> "the contract does not cover act " + act;
            case VOUCHER_MISSING -> "act " + act + " needs a care voucher (prise en charge) and none valid is given";
            case PERIODICITY -> "act " + act + " was already given within its periodicity";
            case MAX_COUNT -> "act " + act + " has reached its number per year";
            case CEILING_EXHAUSTED -> "the ceilings that apply to act " + act + " are used up";
            case AGE_LIMIT -> "the beneficiary is past the age limit on the date of care";
            case WAITING_PERIOD -> "the waiting period of act " + act + " has not run out";
            case CONTRACT_ENDED, NO_SCHEDULE -> "the contract is not in force on the date of care";
            case MALFORMED_LINE -> "the amount or quantity cannot be valued";
            default -> "the beneficiary's rights are closed on the date of care";
        };
    }

    /** The code for the valuation engine's refusal (the first refusal reason of the line). */
    static InvoiceRejection of(ValuationReason reason) {
        return switch (reason) {
            case ACT_NOT_COVERED -> ACT_NOT_COVERED;
            case VOUCHER_MISSING -> VOUCHER_MISSING;
            case PERIODICITY, MAX_COUNT -> PERIODICITY;
            case CEILING_EXHAUSTED -> CEILING_EXHAUSTED;
            case MALFORMED_LINE -> MALFORMED_LINE;
            // rights closed for this person on that day: left, past the age limit, waiting period, contract ended
            default -> RIGHTS_CLOSED;
        };
    }
}
