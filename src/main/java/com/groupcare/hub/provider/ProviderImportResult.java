package com.groupcare.hub.provider;

import java.util.List;

/** What an import did: every data line is created, updated, unchanged or rejected. */
public record ProviderImportResult(int total, int created, int updated, int unchanged, List<RejectedLine> rejected) {

    /** code: the reason; providerCode: the line's provider code when it was readable. */
    public record RejectedLine(int lineNo, ProviderRejection code, String message, String providerCode) {
    }
}
