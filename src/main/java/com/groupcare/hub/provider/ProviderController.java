package com.groupcare.hub.provider;

import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.groupcare.hub.common.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/providers")
@Tag(name = "Providers", description = "Health-care providers (prestataires) by specialty, their conventions (tiers payant) and bank accounts")
public class ProviderController {

    private final ProviderRepository providers;
    private final ProviderService service;
    private final JdbcTemplate jdbc;

    ProviderController(ProviderRepository providers, ProviderService service, JdbcTemplate jdbc) {
        this.providers = providers;
        this.service = service;
        this.jdbc = jdbc;
    }

    /** conventionedOnDay: the convention is in force on the day searched (today unless asked). */
    public record ProviderSummary(String code, String name, Specialty specialty, String city, boolean conventioned,
                                  LocalDate conventionStart, LocalDate conventionEnd, boolean conventionedOnDay,
                                  String bankAccountMasked, Provider.Status status) {
    }

    public record ProviderDetail(Provider provider, boolean conventionedToday, List<Map<String, Object>> history) {
    }

    @GetMapping
    @Operation(summary = "Search providers by specialty, convention in force on a day, or name (part of it, any case); "
            + "bank accounts masked")
    public Page<ProviderSummary> search(@RequestParam(required = false) Specialty specialty,
                                        @Parameter(description = "true: convention in force on the day; false: not in force")
                                        @RequestParam(required = false) Boolean conventioned,
                                        @Parameter(description = "the day for conventioned (yyyy-MM-dd); default today")
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                        @RequestParam(required = false) String name,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        LocalDate day = on == null ? LocalDate.now() : on;
        String nameLike = "%" + likeEscaped(name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) + "%";
        return providers.search(specialty, conventioned, day, nameLike,
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .map(p -> new ProviderSummary(p.getCode(), p.getName(), p.getSpecialty(), p.getCity(),
                        p.isConventioned(), p.getConventionStart(), p.getConventionEnd(), p.conventionedOn(day),
                        PersonalData.mask(p.getBankAccount()), p.getStatus()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One provider with its full bank account and change history")
    public ProviderDetail get(@PathVariable String code) {
        Provider p = providers.findByCode(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no provider with this code"));
        List<Map<String, Object>> history = jdbc.queryForList("""
                select action, actor, at, before_state::text as before, after_state::text as after
                from audit_entry where entity_type = ? and entity_id = ? order by at, id""", ProviderService.ENTITY, code);
        return new ProviderDetail(p, p.conventionedOn(LocalDate.now()), history);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Create or replace one provider (201 when created); 400 with the reason when a rule is broken")
    public ResponseEntity<ProviderDetail> put(@PathVariable String code, @RequestBody ProviderInput input, Principal user) {
        ProviderService.Outcome outcome = service.save(input.toData(code), user.getName());
        return ResponseEntity.status(outcome == ProviderService.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(get(code));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a provider list (CSV, layout mappings/providers/providers.yaml): upsert by code in one "
            + "transaction; bad lines are rejected with their line number and reason, the good ones go through",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the CSV file, UTF-8, header line first (docs/formats/providers.md)",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    public ProviderImportResult importCsv(InputStream body, Principal user) {
        return service.importCsv(body, user.getName());
    }

    @ExceptionHandler(InvalidProvider.class)
    ProblemDetail invalid(InvalidProvider e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid provider");
        problem.setProperty("code", e.reason());
        return problem;
    }

    @ExceptionHandler(ProviderFileRefused.class)
    ProblemDetail refused(ProviderFileRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Provider list refused");
        return problem;
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
