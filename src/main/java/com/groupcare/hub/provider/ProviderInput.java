package com.groupcare.hub.provider;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON body of PUT /api/providers/{code}; the code comes from the path. */
@Schema(description = "A provider as the desk enters it. Dates are ISO (yyyy-MM-dd); convention end is included.")
public record ProviderInput(
        @Schema(example = "Pharmacie El Amen", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "PHARMACY", requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"GENERALIST", "SPECIALIST", "PHARMACY", "LAB", "IMAGING", "OPTICIAN", "DENTIST",
                        "CLINIC", "HOSPITAL", "MIDWIFE"}) String specialty,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean conventioned,
        @Schema(description = "required when conventioned") LocalDate conventionStart,
        @Schema(description = "last day of the convention; empty = open") LocalDate conventionEnd,
        @Schema(description = "20-digit RIB or IBAN; required when conventioned") String bankAccount,
        String phone, String email, String city,
        @Schema(description = "ACTIVE or INACTIVE; empty keeps the current status (ACTIVE for a new provider)")
        String status) {

    ProviderData toData(String code) {
        if (conventioned == null) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, "conventioned is required (true or false)");
        }
        return new ProviderData(code, ProviderRules.clean(name), specialtyCode(), conventioned, conventionStart,
                conventionEnd, ProviderRules.cleanAccount(bankAccount), ProviderRules.clean(phone),
                ProviderRules.clean(email), ProviderRules.clean(city), statusCode());
    }

    private Specialty specialtyCode() {
        String value = ProviderRules.clean(specialty);
        if (value == null) {
            return null;
        }
        try {
            return Specialty.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidProvider(ProviderRejection.INVALID_CODE,
                    "specialty must be one of " + Arrays.toString(Specialty.values()));
        }
    }

    private Provider.Status statusCode() {
        String value = ProviderRules.clean(status);
        if (value == null) {
            return null;
        }
        try {
            return Provider.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidProvider(ProviderRejection.INVALID_CODE, "status must be ACTIVE or INACTIVE");
        }
    }
}
