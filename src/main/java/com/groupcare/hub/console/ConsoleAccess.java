package com.groupcare.hub.console;

import java.util.Collection;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who sees what in the console beyond the URL rules of SecurityConfig: the desk (OPERATOR) sees only
 * the files of its flows; the pages show only the buttons a user's roles allow.
 */
@Component
public class ConsoleAccess {

    private final ConsoleSettings settings;

    ConsoleAccess(ConsoleSettings settings) {
        this.settings = settings;
    }

    public static boolean has(Authentication user, String... roles) {
        Set<String> wanted = Set.of(roles);
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring(5)));
    }

    /** The flows whose files the user sees: every flow (null) unless the user is only of the desk. */
    public Collection<String> visibleFlows(Authentication user) {
        return has(user, "ADMIN", "INTEGRATOR", "AUDITOR") ? null : settings.operatorFlows();
    }

    public void checkFlow(Authentication user, String flow) {
        Collection<String> flows = visibleFlows(user);
        if (flows != null && !flows.contains(flow)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this flow's files are not the desk's");
        }
    }
}
