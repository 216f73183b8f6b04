package com.groupcare.hub.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.exchange.ExchangeActions;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an integrator does from a file's page and the routes page. Every action is confirmed in the
 * page, allowed by role (SecurityConfig), and audited with the user's name; a refused action comes
 * back to the page with its reason.
 */
@Controller
class ConsoleActions {

    private final ExchangeActions exchanges;
    private final JdbcTemplate jdbc;
    private final ConsoleAccess access;
    private final ConsoleSettings settings;
    private final CamelRoutes routes;
    private final AuditLog audit;
    private final ProducerTemplate producer;

    ConsoleActions(ExchangeActions exchanges, JdbcTemplate jdbc, ConsoleAccess access, ConsoleSettings settings, CamelRoutes routes,
                   AuditLog audit, @Lazy ProducerTemplate producer) {
        this.exchanges = exchanges;
        this.jdbc = jdbc;
        this.access = access;
        this.settings = settings;
        this.routes = routes;
        this.audit = audit;
        this.producer = producer;
    }

    @PostMapping("/console/files/{id}/replay")
    String replay(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        access.checkFlow(user, flowOf(id));
        return act(id, flash, "Replayed: the file is applied again, its applied chunks skipped", () -> exchanges.replay(id, user.getName(), false));
    }

    @PostMapping("/console/files/{id}/release")
    String release(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        access.checkFlow(user, flowOf(id));
        return act(id, flash, "Released: the held file completes", () -> exchanges.release(id, user.getName()));
    }

    @PostMapping("/console/files/{id}/reject")
    String reject(@PathVariable long id, @RequestParam String reason, Authentication user, RedirectAttributes flash) {
        access.checkFlow(user, flowOf(id));
        return act(id, flash, "Rejected: the held file will not complete", () -> exchanges.reject(id, user.getName(), reason));
    }

    /**
     * An outbound file sent again to its partner, as it was written: only the flows whose files say
     * nothing new twice (hub.console.resendable-flows), never a payment file the bank would pay again.
     */
    @PostMapping("/console/files/{id}/resend")
    String resend(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        Map<String, Object> e = exchange(id, "partner, flow, file_name, stored_path, direction");
        String uri = settings.outboxes().get((String) e.get("partner"));
        Path file = e.get("stored_path") == null ? null : Path.of((String) e.get("stored_path"));
        if (!"OUT".equals(e.get("direction")) || !settings.resendableFlows().contains((String) e.get("flow")) || uri == null
                || file == null || !Files.exists(file)) {
            flash.addFlashAttribute("problem", "This file cannot be sent again from the console: only the outbound files of "
                    + settings.resendableFlows() + " the hub still has; a transmittal or a payment file has its own resend, "
                    + "which checks its batch first");
            return "redirect:/console/files/" + id;
        }
        producer.sendBodyAndHeader(uri, file.toFile(), "CamelFileName", e.get("file_name"));
        audit.write(List.of(new Audit("exchange", Long.toString(id), "RESEND", user.getName(), Instant.now(), null,
                Map.of("partner", e.get("partner")))));
        flash.addFlashAttribute("notice", "Sent again to " + e.get("partner"));
        return "redirect:/console/files/" + id;
    }

    /** The file as received: the roles that may read partners' data only, and every download audited. */
    @GetMapping("/console/files/{id}/original")
    ResponseEntity<FileSystemResource> original(@PathVariable long id, Authentication user) {
        Map<String, Object> e = exchange(id, "flow, file_name, stored_path, direction");
        access.checkFlow(user, (String) e.get("flow"));
        if (!"IN".equals(e.get("direction")) || e.get("stored_path") == null || !Files.exists(Path.of((String) e.get("stored_path")))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the hub no longer has this file");
        }
        audit.write(List.of(new Audit("exchange", Long.toString(id), "DOWNLOAD", user.getName(), Instant.now(), null, null)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename((String) e.get("file_name")).build().toString())
                .body(new FileSystemResource(Path.of((String) e.get("stored_path"))));
    }

    @PostMapping("/console/routes/{routeId}/{action:stop|start}")
    String route(@PathVariable String routeId, @PathVariable String action, Authentication user, RedirectAttributes flash) throws Exception {
        if (!routes.exists(routeId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no route " + routeId);
        }
        if (action.equals("stop")) {
            routes.stop(routeId);
        } else {
            routes.start(routeId);
        }
        audit.write(List.of(new Audit("route", routeId, action.toUpperCase(), user.getName(), Instant.now(), null, null)));
        flash.addFlashAttribute("notice", "Route " + routeId + (action.equals("stop") ? " stopped" : " started"));
        return "redirect:/console/routes";
    }

    private Map<String, Object> exchange(long id, String columns) {
        List<Map<String, Object>> rows = jdbc.queryForList("select " + columns + " from exchange where id = ?", id);
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + id);
        }
        return rows.get(0);
    }

    private String flowOf(long id) {
        List<String> flows = jdbc.queryForList("select flow from exchange where id = ?", String.class, id);
        if (flows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + id);
        }
        return flows.get(0);
    }

    private static String act(long id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (ExchangeActions.NotAllowed | ExchangeActions.NotFound e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/files/" + id;
    }
}
