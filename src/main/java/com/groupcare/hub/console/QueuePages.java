package com.groupcare.hub.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queues page: each queue with its dead-letter queue (depth, consumers, oldest message's age),
 * and a dead-letter queue's messages as references and errors, never bodies with data. Retrying is
 * for integrators, discarding (with a reason) for ADMIN only; both are audited.
 */
@Controller
class QueuePages {

    private static final int DEAD_LETTERS_SHOWN = 200;

    private final BrokerQueues broker;
    private final AuditLog audit;

    QueuePages(BrokerQueues broker, AuditLog audit) {
        this.broker = broker;
        this.audit = audit;
    }

    @GetMapping("/console/queues")
    String queues(@RequestParam(required = false) String fragment, Authentication user, Model model) {
        try {
            model.addAttribute("queues", broker.queues());
        } catch (BrokerUnavailableException e) {
            model.addAttribute("queues", List.of());
            model.addAttribute("problem", e.getMessage());
        }
        return ConsolePages.page("queues", fragment, user, model);
    }

    @GetMapping("/console/queues/{queue}")
    String deadLetters(@PathVariable String queue, Authentication user, Model model) {
        model.addAttribute("queue", queue);
        try {
            model.addAttribute("letters", broker.deadLetters(queue, DEAD_LETTERS_SHOWN));
        } catch (IllegalArgumentException | BrokerUnavailableException e) {
            model.addAttribute("letters", List.of());
            model.addAttribute("problem", e.getMessage());
        }
        return ConsolePages.page("dead-letters", null, user, model);
    }

    @PostMapping("/console/queues/{queue}/messages/{id}/retry")
    String retry(@PathVariable String queue, @PathVariable long id, Authentication user, RedirectAttributes flash) {
        return act(queue, flash, () -> broker.retry(queue, id) ? "Message " + id + " is back on its queue"
                : null, user, "RETRY", Map.of("message", id));
    }

    @PostMapping("/console/queues/{queue}/retry-all")
    String retryAll(@PathVariable String queue, Authentication user, RedirectAttributes flash) {
        return act(queue, flash, () -> broker.retryAll(queue) + " messages are back on their queues", user, "RETRY_ALL", Map.of());
    }

    @PostMapping("/console/queues/{queue}/messages/{id}/discard")
    String discard(@PathVariable String queue, @PathVariable long id, @RequestParam String reason, Authentication user,
                   RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute("problem", "Say why the message is discarded");
            return "redirect:/console/queues/" + queue;
        }
        return act(queue, flash, () -> broker.discard(queue, id) ? "Message " + id + " discarded" : null, user, "DISCARD",
                Map.of("message", id, "reason", reason.length() > 500 ? reason.substring(0, 500) : reason));
    }

    private String act(String queue, RedirectAttributes flash, java.util.function.Supplier<String> action, Authentication user,
                       String verb, Map<String, Object> details) {
        try {
            String done = action.get();
            if (done == null) {
                flash.addFlashAttribute("problem", "That message is no longer there (retried or discarded meanwhile)");
            } else {
                audit.write(List.of(new Audit("dead-letter", queue, verb, user.getName(), Instant.now(), null, details)));
                flash.addFlashAttribute("notice", done);
            }
        } catch (IllegalArgumentException | BrokerUnavailableException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/queues/" + queue;
    }
}
