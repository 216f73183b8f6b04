package com.groupcare.hub.console;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who sees what in the console beyond the URL rules of SecurityConfig: the desk (OPERATOR) sees only
 * the files of its flows; the pages show only the buttons a user's roles allow.
 */
@Component
public class ConsoleAccess {

    private final com.groupcare.hub.security.DeskFlows deskFlows;

    ConsoleAccess(com.groupcare.hub.security.DeskFlows deskFlows) {
        this.deskFlows = deskFlows;
    }

    public static boolean has(Authentication user, String... roles) {
        Set<String> wanted = Set.of(roles);
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring(5)));
    }

    /** The flows whose files the user sees: every flow (null) unless the user is only of the desk. */
    public Collection<String> visibleFlows(Authentication user) {
        return deskFlows.visibleTo(user);
    }

    public void checkFlow(Authentication user, String flow) {
        deskFlows.check(user, flow);
    }
}
