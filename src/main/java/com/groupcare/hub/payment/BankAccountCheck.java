package com.groupcare.hub.payment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.validator.routines.IBANValidator;

/**
 * Checks a payee's account before anything is paid. An IBAN: check digits and the country's length
 * and format (commons-validator's registry, with the UEMOA countries and Morocco added from the
 * SWIFT IBAN registry), and the national key inside it. A national RIB with its key:
 * <ul>
 * <li>Tunisia, 20 digits: bank 2, branch 3, account 13, key 2;</li>
 * <li>Morocco, 24 digits: bank 3, city 3, account 16, key 2;</li>
 * <li>UEMOA, 24 characters: bank code (2 letters for the country, 3 digits), branch 5, account 12, key 2.</li>
 * </ul>
 * The key is 97 - ((bank, branch and account as one number) x 100 mod 97), letters first turned into
 * digits the way French RIBs do (A, J = 1; B, K, S = 2; ... I, R, Z = 9): checked against the
 * registry's own examples (TN59 1000 6035 1835 9847 8831, MA64 0115 1900 0001 2050 0053 4921,
 * SN08 SN01 0015 2000 0485 0000 3035, CI93 CI00 8011 1301 1342 9120 0589).
 */
public final class BankAccountCheck {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final List<String> UEMOA = List.of("SN", "CI", "BJ", "BF", "ML", "NE", "TG", "GW");
    private static final IBANValidator IBANS = ibans();

    private BankAccountCheck() {
    }

    /** The verdict on one account: which kind it is, or why it cannot be paid. */
    public record Verdict(boolean valid, String kind, String reason) {

        static Verdict ok(String kind) {
            return new Verdict(true, kind, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    public static Verdict check(String account) {
        if (account == null || account.isBlank()) {
            return Verdict.refused("no bank account");
        }
        String compact = account.replace(" ", "").replace("-", "").toUpperCase();
        // a UEMOA RIB (24 characters) also starts with two letters: told apart from an IBAN (28) by its length
        if (compact.matches("[A-Z]{2}\\d{22}") && UEMOA.contains(compact.substring(0, 2))) {
            return ribKeyValid(compact) ? Verdict.ok("RIB_UEMOA") : Verdict.refused("the UEMOA RIB key is wrong");
        }
        if (compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            if (!IBANS.isValid(compact)) {
                return Verdict.refused(IBANS.getValidator(compact) == null ? "an IBAN of a country the hub does not know"
                        : "the IBAN's check digits or length are wrong");
            }
            String country = compact.substring(0, 2);
            String bban = compact.substring(4);
            boolean national = country.equals("TN") || country.equals("MA") || UEMOA.contains(country);
            return !national || ribKeyValid(bban) ? Verdict.ok("IBAN")
                    : Verdict.refused("the national key inside the IBAN is wrong");
        }
        if (compact.matches("\\d{20}")) {
            return ribKeyValid(compact) ? Verdict.ok("RIB_TN") : Verdict.refused("the Tunisian RIB key is wrong");
        }
        if (compact.matches("\\d{24}")) {
            return ribKeyValid(compact) ? Verdict.ok("RIB_MA") : Verdict.refused("the Moroccan RIB key is wrong");
        }
        return Verdict.refused("neither an IBAN nor a Tunisian, Moroccan or UEMOA RIB");
    }

    /** The bank's code inside an account (TN: 2 digits, MA: 3, UEMOA: 5 characters), for the desk's "pay this bank's clients". */
    public static String bankCode(String account) {
        String compact = account == null ? "" : account.replace(" ", "").replace("-", "").toUpperCase();
        if (compact.matches("[A-Z]{2}\\d{22}") && UEMOA.contains(compact.substring(0, 2))) {
            return compact.substring(0, 5);
        }
        String bban = compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]{20,}") ? compact.substring(4) : compact;
        String country = compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]{20,}") ? compact.substring(0, 2) : null;
        if (bban.matches("\\d{20}") && (country == null || country.equals("TN"))) {
            return bban.substring(0, 2);
        }
        if (bban.matches("\\d{24}")) {
            return bban.substring(0, 3);
        }
        if (bban.matches("[A-Z]{2}\\d{22}")) {
            return bban.substring(0, 5);
        }
        return null;
    }

    /** The last two characters are the key of all the others. */
    static boolean ribKeyValid(String rib) {
        String body = digits(rib.substring(0, rib.length() - 2));
        int key = 97 - new BigInteger(body).multiply(BigInteger.valueOf(100)).mod(NINETY_SEVEN).intValue();
        return String.format("%02d", key).equals(rib.substring(rib.length() - 2));
    }

    private static final Map<Character, Character> LETTERS = letters();

    private static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Character.isLetter(c) ? LETTERS.get(c) : c);
        }
        return out.toString();
    }

    private static Map<Character, Character> letters() {
        Map<Character, Character> map = new java.util.HashMap<>();
        String[] groups = {"AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"};
        for (int i = 0; i < groups.length; i++) {
            for (char c : groups[i].toCharArray()) {
                map.put(c, (char) ('1' + i));
            }
        }
        return Map.copyOf(map);
    }

    private static IBANValidator ibans() {
        List<IBANValidator.Validator> formats = new ArrayList<>(List.of(IBANValidator.DEFAULT_IBAN_VALIDATOR.getDefaultValidators()));
        formats.add(new IBANValidator.Validator("MA", 28, "MA\\d{26}"));
        UEMOA.forEach(country -> formats.add(new IBANValidator.Validator(country, 28, country + "\\d{2}[A-Z]{2}\\d{22}")));
        return new IBANValidator(formats.toArray(IBANValidator.Validator[]::new));
    }
}
