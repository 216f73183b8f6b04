package com.groupcare.hub.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;

/**
 * Reads a contract and its benefit schedule versions from a YAML file in mappings/contracts/.
 * Amounts and rates are read as exact decimals (never through a binary float).
 */
public final class ContractFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ContractFiles() {
    }

    public static InsuranceContract load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read contract " + resource, e);
        }
    }

    /** Parses a contract definition (YAML text); throws IllegalArgumentException with the reason when it is invalid. */
    public static InsuranceContract parse(String yaml) {
        try {
            return parse(YAML.readTree(yaml));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("invalid contract definition: " + e.getMessage(), e);
        }
    }

    private static final Set<String> CONTRACT_KEYS = Set.of("policy-number", "insurer", "currency", "year-start", "renewal",
            "end-date", "reconciliation-tolerance", "invoice-time-limit-days", "status", "subscription-age-limit",
            "cover-ends-at-age", "schedules");
    private static final Set<String> SCHEDULE_KEYS = Set.of("version", "valid-from", "ceilings", "acts");
    private static final Set<String> CEILING_KEYS = Set.of("beneficiary-year", "family-year", "act-families");
    private static final Set<String> ACT_KEYS = Set.of("code", "label", "family", "rate", "tariff", "cap", "periodicity-months",
            "waiting-months", "min-age", "max-age", "voucher-required", "max-per-year");

    static InsuranceContract parse(JsonNode root) {
        knownKeys(root, CONTRACT_KEYS, "the contract");
        List<BenefitSchedule> schedules = new ArrayList<>();
        for (JsonNode s : root.required("schedules")) {
            knownKeys(s, SCHEDULE_KEYS, "schedule " + s.path("version").asText("?"));
            JsonNode ceilings = s.path("ceilings");
            knownKeys(ceilings, CEILING_KEYS, "the ceilings of schedule " + s.path("version").asText("?"));
            Map<String, ActFamilyCeiling> families = new LinkedHashMap<>();
            ceilings.path("act-families").properties().forEach(e -> families.put(e.getKey(), actFamilyCeiling(e.getKey(), e.getValue())));
            Map<String, BenefitRule> rules = new LinkedHashMap<>();
            for (JsonNode a : s.required("acts")) {
                knownKeys(a, ACT_KEYS, "act " + a.path("code").asText("?") + " of schedule " + s.path("version").asText("?"));
                BenefitRule rule = new BenefitRule(a.required("code").asText(), a.path("label").asText(null),
                        a.required("family").asText(), decimal(a.required("rate")), decimal(a.get("tariff")),
                        decimal(a.get("cap")), integer(a.get("periodicity-months")), integer(a.get("waiting-months")),
                        integer(a.get("min-age")), integer(a.get("max-age")), a.path("voucher-required").asBoolean(false),
                        integer(a.get("max-per-year")));
                if (rules.put(rule.actCode(), rule) != null) {
                    throw new IllegalArgumentException("act " + rule.actCode() + " appears twice in schedule " + s.get("version"));
                }
            }
            schedules.add(new BenefitSchedule(s.required("version").asInt(), LocalDate.parse(s.required("valid-from").asText()),
                    rules, decimal(ceilings.get("beneficiary-year")), decimal(ceilings.get("family-year")), families));
        }
        return new InsuranceContract(root.required("policy-number").asText(), root.required("insurer").asText(),
                root.required("currency").asText(), MonthDay.parse("--" + root.path("year-start").asText("01-01")),
                root.path("renewal").asText("TACIT"),
                root.hasNonNull("end-date") ? LocalDate.parse(root.get("end-date").asText()) : null,
                decimal(root.get("reconciliation-tolerance")), root.path("status").asText("ACTIVE"), schedules,
                days(root.get("invoice-time-limit-days")),
                age(root, "subscription-age-limit", InsuranceContract.DEFAULT_SUBSCRIPTION_AGE_LIMIT),
                age(root, "cover-ends-at-age", InsuranceContract.DEFAULT_COVER_ENDS_AT_AGE));
    }

    /** A misspelt key would otherwise be ignored and its rule silently not applied. */
    private static void knownKeys(JsonNode node, Set<String> known, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping of keys, not '" + node.asText() + "'");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key " + String.join(", ", unknown) + " in " + where
                    + "; the keys are " + known.stream().sorted().toList());
        }
    }

    /** An age rule: a whole number of years, {@code none} for no such rule, or the seed's default when absent. */
    private static Integer age(JsonNode root, String key, int defaultAge) {
        JsonNode node = root.get(key);
        if (node == null) {
            return defaultAge;
        }
        if (node.isNull() || "none".equals(node.asText())) {
            return null;
        }
        if (!node.canConvertToExactIntegral() || node.asInt() < 1 || node.asInt() > 120) {
            throw new IllegalArgumentException(key + " must be an age in whole years or none, not '" + node.asText() + "'");
        }
        return node.asInt();
    }

    /** {@code OPTICAL: 300.000} (per beneficiary) or {@code OPTICAL: { amount: 300.000, scope: FAMILY }}. */
    private static ActFamilyCeiling actFamilyCeiling(String family, JsonNode node) {
        if (node.isValueNode()) {
            return new ActFamilyCeiling(decimal(node), ActFamilyCeiling.Scope.BENEFICIARY);
        }
        Set<String> keys = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        if (!Set.of("amount", "scope").containsAll(keys) || !node.has("amount")) {
            throw new IllegalArgumentException("act-families." + family + " must be an amount or {amount, scope}, not " + keys);
        }
        String scope = node.path("scope").asText("BENEFICIARY");
        try {
            return new ActFamilyCeiling(decimal(node.get("amount")), ActFamilyCeiling.Scope.valueOf(scope));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("act-families." + family + ".scope must be BENEFICIARY or FAMILY, not " + scope);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asText());
    }

    /** A number of days: a whole number from 1, or absent (no limit); a typo stops the hub instead of meaning 0. */
    private static Integer days(JsonNode node) {
        if (node != null && !node.isNull() && (!node.canConvertToExactIntegral() || node.asInt() < 1)) {
            throw new IllegalArgumentException("invoice-time-limit-days must be a whole number of days from 1, not '" + node.asText() + "'");
        }
        return integer(node);
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}
