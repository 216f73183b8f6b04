package com.groupcare.hub.console;

import java.time.LocalDate;

import com.groupcare.hub.exchange.ExchangeStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The integrators' console, server-rendered (templates/console): flows, files, queues, routes and
 * alerts. A page's live part is the same page asked with {@code fragment=live}; console.js fetches it
 * every few seconds, so counts move without a reload.
 */
@Controller
class ConsolePages {

    private final FlowOverview overview;
    private final FileSearch search;
    private final FileTimeline timeline;
    private final CamelRoutes routes;
    private final ConsoleAccess access;
    private final ConsoleAlerts alerts;

    ConsolePages(FlowOverview overview, FileSearch search, FileTimeline timeline, CamelRoutes routes, ConsoleAccess access,
                 ConsoleAlerts alerts) {
        this.alerts = alerts;
        this.overview = overview;
        this.search = search;
        this.timeline = timeline;
        this.routes = routes;
        this.access = access;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    /** Where a refused action lands (the status stays 403): the user learns it is not theirs to do. */
    @org.springframework.web.bind.annotation.RequestMapping("/console/denied")
    String denied(Authentication user, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return page("denied", null, user, model);
    }

    @GetMapping("/console")
    String flows(@RequestParam(required = false) String fragment, Authentication user, Model model) {
        model.addAttribute("rows", overview.rows(access.visibleFlows(user)));
        return page("overview", fragment, user, model);
    }

    @GetMapping("/console/files")
    String files(@RequestParam(required = false) String partner, @RequestParam(required = false) String flow,
                 @RequestParam(required = false) String name,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) String fragment, Authentication user, Model model) {
        FileSearch.Criteria criteria = new FileSearch.Criteria(partner, flow, name, from, to, status);
        model.addAttribute("criteria", criteria);
        model.addAttribute("result", search.search(criteria, page, access.visibleFlows(user)));
        model.addAttribute("statuses", ExchangeStatus.values());
        model.addAttribute("flows", overview.rows(access.visibleFlows(user)).stream().map(FlowOverview.Row::flow).toList());
        return page("files", fragment, user, model);
    }

    @GetMapping("/console/files/{id}")
    String file(@PathVariable long id, @RequestParam(required = false) String fragment, Authentication user, Model model) {
        FileTimeline.FileView view = timeline.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + id));
        access.checkFlow(user, (String) view.exchange().get("flow"));
        model.addAttribute("file", view);
        return page("file", fragment, user, model);
    }

    @GetMapping("/console/routes")
    String routes(@RequestParam(required = false) String fragment, Authentication user, Model model) {
        model.addAttribute("routes", routes.routes());
        return page("routes", fragment, user, model);
    }

    @GetMapping("/console/alerts")
    String alerts(@RequestParam(required = false) String fragment, Authentication user, Model model) {
        model.addAttribute("active", alerts.active());
        model.addAttribute("recent", alerts.recent(100));
        return page("alerts", fragment, user, model);
    }

    /** The whole page, or only its live part. */
    static String page(String name, String fragment, Authentication user, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("integrator", ConsoleAccess.has(user, "ADMIN", "INTEGRATOR"));
        model.addAttribute("admin", ConsoleAccess.has(user, "ADMIN"));
        model.addAttribute("desk", ConsoleAccess.has(user, "ADMIN", "OPERATOR"));
        model.addAttribute("replayer", ConsoleAccess.has(user, "ADMIN", "INTEGRATOR", "OPERATOR"));
        model.addAttribute("watcher", ConsoleAccess.has(user, "ADMIN", "INTEGRATOR", "AUDITOR"));
        return "live".equals(fragment) ? "console/" + name + " :: live" : "console/" + name;
    }
}
