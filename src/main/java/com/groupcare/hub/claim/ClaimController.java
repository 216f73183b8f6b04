package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import com.groupcare.hub.claim.ClaimRequests.CancelRequest;
import com.groupcare.hub.claim.ClaimRequests.ClaimView;
import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Claims", description = "Claim forms (bulletins de soins), care vouchers (bons de soins), member history")
public class ClaimController {

    private final ClaimService claims;
    private final ClaimViews views;
    private final VoucherService vouchers;
    private final ClaimImportUpload batchImport;

    public ClaimController(ClaimService claims, ClaimViews views, VoucherService vouchers, ClaimImportUpload batchImport) {
        this.batchImport = batchImport;
        this.claims = claims;
        this.views = views;
        this.vouchers = vouchers;
    }

    @PostMapping("/api/claims")
    @Operation(summary = "Record a claim form and value it: expected reimbursement per line with reason codes")
    public ClaimView create(@Valid @RequestBody NewClaim claim, Principal user) {
        return claims.create(claim, user.getName());
    }

    @PostMapping(value = "/api/claims/import", consumes = "text/csv")
    @Operation(summary = "Import claim forms from CSV (docs/formats/claims-import.md): answered at once (202) with the "
            + "exchange whose progress, counts and rejected lines GET /api/exchanges/{id} shows")
    public ResponseEntity<Map<String, Object>> importCsv(InputStream csv,
            @RequestHeader(name = "X-File-Name", defaultValue = "claims.csv") String fileName, Principal user) throws IOException {
        return batchImport.upload(csv, fileName, user.getName());
    }

    @GetMapping("/api/claims/{claimNumber}")
    public ClaimView get(@PathVariable String claimNumber) {
        return views.get(claimNumber);
    }

    @PostMapping("/api/claims/{claimNumber}/cancel")
    @Operation(summary = "Cancel a claim not yet batched, with a reason; its ceiling consumption is given back")
    public ClaimView cancel(@PathVariable String claimNumber, @Valid @RequestBody CancelRequest request, Principal user) {
        return claims.cancel(claimNumber, request.reason(), user.getName());
    }

    @PostMapping("/api/vouchers")
    @Operation(summary = "Issue a care voucher (optical, dental, hospital); refused inside the act's periodicity")
    public Map<String, Object> issue(@Valid @RequestBody VoucherService.NewVoucher voucher, Principal user) {
        return vouchers.issue(voucher, user.getName());
    }

    @GetMapping("/api/claims/history/{matricule}")
    @Operation(summary = "A member's claims and vouchers with amounts, and the ceilings left in the contract year")
    public Map<String, Object> history(@PathVariable String matricule, @RequestParam String policyNumber,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return views.history(matricule, policyNumber, asOf == null ? LocalDate.now() : asOf);
    }
}
