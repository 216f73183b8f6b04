package com.groupcare.hub.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/** A console page that cannot be shown (no such file, not the desk's flow) says why, in the console, with its status. */
@ControllerAdvice(assignableTypes = {ConsolePages.class, ConsoleActions.class, QueuePages.class})
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Authentication user, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("reason", e.getReason());
        return ConsolePages.page("error", null, user, model);
    }
}
