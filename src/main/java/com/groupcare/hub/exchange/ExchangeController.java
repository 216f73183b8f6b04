package com.groupcare.hub.exchange;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/exchanges")
@Tag(name = "Exchanges", description = "Every file in or out of the hub: status, counts, rejected lines")
public class ExchangeController {

    private static final String COLUMNS = """
            id, partner, flow, direction, file_name, sha256, size_bytes, file_kind, file_date, status, duplicate_of,
            received_at, completed_at, total_count, accepted_count, rejected_count, failure_reason, hold_reason,
            chunks_expected, chunks_done
            """;

    private final JdbcClient jdbc;
    private final ExchangeActions actions;
    private final com.groupcare.hub.security.DeskFlows deskFlows;

    public ExchangeController(JdbcClient jdbc, ExchangeActions actions, com.groupcare.hub.security.DeskFlows deskFlows) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.deskFlows = deskFlows;
    }

    private void checkFlow(long id, org.springframework.security.core.Authentication user) {
        String flow = jdbc.sql("select flow from exchange where id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no exchange " + id));
        deskFlows.check(user, flow);
    }

    /** Why a held file is rejected, for the audit trail. */
    public record RejectRequest(@jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    public record ExchangeSummary(long id, String partner, String flow, String direction, String fileName, String sha256,
                                  long sizeBytes, String fileKind, java.time.LocalDate fileDate, String status,
                                  Long duplicateOf, OffsetDateTime receivedAt, OffsetDateTime completedAt,
                                  int totalCount, int acceptedCount, int rejectedCount, String failureReason,
                                  String holdReason, Integer chunksExpected, int chunksDone) {
    }

    public record ExchangeDetail(ExchangeSummary exchange, List<LineError> errors) {
    }

    @GetMapping
    @Operation(summary = "Latest exchanges, newest first, optionally by partner, flow or status")
    public List<ExchangeSummary> list(@RequestParam(required = false) String partner,
                                      @RequestParam(required = false) String flow,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "100") int limit,
                                      org.springframework.security.core.Authentication user) {
        List<String> flows = deskFlows.visibleTo(user);
        return jdbc.sql("select " + COLUMNS + """
                         from exchange where (cast(:partner as text) is null or partner = :partner)
                         and (cast(:flow as text) is null or flow = :flow)
                         and (cast(:status as text) is null or status = :status)
                         and (:everyFlow or flow in (:flows))
                         order by id desc limit :limit""")
                .param("partner", partner).param("flow", flow).param("status", status)
                .param("everyFlow", flows == null).param("flows", flows == null || flows.isEmpty() ? List.of("") : flows)
                .param("limit", Math.min(Math.max(limit, 1), 1000))
                .query(ExchangeSummary.class).list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exchange with its rejected lines (line number, code, message without personal data)")
    public ExchangeDetail get(@PathVariable long id, org.springframework.security.core.Authentication user) {
        checkFlow(id, user);
        return detail(id);
    }

    private ExchangeDetail detail(long id) {
        ExchangeSummary exchange = jdbc.sql("select " + COLUMNS + " from exchange where id = :id").param("id", id)
                .query(ExchangeSummary.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no exchange " + id));
        List<LineError> errors = jdbc.sql("select line_no, code, message from exchange_error where exchange_id = :id order by line_no")
                .param("id", id).query(LineError.class).list();
        return new ExchangeDetail(exchange, errors);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release a HELD file (e.g. a snapshot that would make many leavers): its completion step runs")
    public ExchangeDetail release(@PathVariable long id, org.springframework.security.core.Authentication user) {
        checkFlow(id, user);
        run(() -> actions.release(id, user.getName()));
        return detail(id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a HELD file: its completion step never runs (no leavers); the next file may go")
    public ExchangeDetail reject(@PathVariable long id, @RequestBody(required = false) @jakarta.validation.Valid RejectRequest request,
                                 org.springframework.security.core.Authentication user) {
        checkFlow(id, user);
        run(() -> actions.reject(id, user.getName(), request == null ? null : request.reason()));
        return detail(id);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Replay a FAILED file once the cause is fixed: only the chunks not yet applied are applied")
    public ExchangeDetail replay(@PathVariable long id, org.springframework.security.core.Authentication user) {
        checkFlow(id, user);
        run(() -> actions.replay(id, user.getName(), false));
        return detail(id);
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (ExchangeActions.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ExchangeActions.NotAllowed e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
