package com.groupcare.hub.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** The company's accounts the desk pays from (mappings/banks/banks.yaml), with the file each bank takes; checked at start-up. */
@Component
public class Debtors {

    public enum Format { PAIN001, NATIONAL }

    public record Debtor(String id, String name, String bank, String bic, String account, String currency, Format format) {
    }

    /** How the banks' status files are named and, for the CSV one, laid out (its header line, columns from 1). */
    public record StatusFiles(java.util.regex.Pattern pain002, java.util.regex.Pattern csv, String delimiter, int endToEndId,
                              int status, int reason, String accepted, String rejected, String header) {
    }

    private static final Set<String> KEYS = Set.of("id", "name", "bank", "bic", "account", "currency", "format");
    private final Map<String, Debtor> debtors = new LinkedHashMap<>();
    private StatusFiles statusFiles;

    @SuppressWarnings("unchecked")
    Debtors(@Value("${hub.payments.banks:mappings/banks/banks.yaml}") String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Map<String, Object> yaml = new Yaml().load(in);
            for (Map<String, Object> d : (List<Map<String, Object>>) yaml.get("debtors")) {
                String where = file + " debtor " + d.get("id");
                d.keySet().stream().filter(k -> !KEYS.contains(k)).findFirst().ifPresent(k -> {
                    throw new IllegalStateException(where + ": unknown key '" + k + "' (known: " + KEYS + ")");
                });
                KEYS.stream().filter(k -> d.get(k) == null).findFirst().ifPresent(k -> {
                    throw new IllegalStateException(where + ": '" + k + "' is required");
                });
                BankAccountCheck.Verdict verdict = BankAccountCheck.check(String.valueOf(d.get("account")));
                if (!verdict.valid()) {
                    throw new IllegalStateException(where + ": the account is not valid: " + verdict.reason());
                }
                Format format;
                try {
                    format = Format.valueOf(String.valueOf(d.get("format")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + ": format must be PAIN001 or NATIONAL");
                }
                Debtor debtor = new Debtor(String.valueOf(d.get("id")), String.valueOf(d.get("name")), String.valueOf(d.get("bank")),
                        String.valueOf(d.get("bic")), String.valueOf(d.get("account")).replace(" ", ""),
                        String.valueOf(d.get("currency")), format);
                debtors.put(debtor.id(), debtor);
            }
            Map<String, Object> status = (Map<String, Object>) yaml.get("status-files");
            Map<String, Object> csv = (Map<String, Object>) status.get("csv");
            if (!(csv.get("header") instanceof String)) {
                throw new IllegalStateException("status-files csv: 'header' is required, the first line of the bank's return "
                        + "(e.g. \"reference;statut;motif\"): a file without it is refused, not read one answer short");
            }
            statusFiles = new StatusFiles(java.util.regex.Pattern.compile((String) status.get("pain002")),
                    java.util.regex.Pattern.compile((String) csv.get("file-name")), (String) csv.get("delimiter"),
                    (Integer) csv.get("end-to-end-id"), (Integer) csv.get("status"), (Integer) csv.get("reason"),
                    (String) csv.get("accepted"), (String) csv.get("rejected"), (String) csv.get("header"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bank accounts " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The bank accounts " + file + " are not valid: " + e.getMessage(), e);
        }
    }

    public StatusFiles statusFiles() {
        return statusFiles;
    }

    public Optional<Debtor> get(String id) {
        return Optional.ofNullable(debtors.get(id));
    }

    /** The first account in this currency, when the request names none. */
    public Optional<Debtor> forCurrency(String currency) {
        return debtors.values().stream().filter(d -> d.currency().equals(currency)).findFirst();
    }
}
