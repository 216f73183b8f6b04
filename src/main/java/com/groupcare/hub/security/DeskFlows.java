package com.groupcare.hub.security;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whose files a user sees: the insurance desk (OPERATOR alone) sees only the files of its flows
 * (hub.console.operator-flows), in the console and in the exchanges API alike; ADMIN, INTEGRATOR
 * and AUDITOR see every flow.
 */
@Component
public class DeskFlows {

    private final List<String> flows;

    DeskFlows(Environment env) {
        // a YAML list: bound, not read as one @Value string
        this.flows = Binder.get(env).bind("hub.console.operator-flows", Bindable.listOf(String.class)).orElse(List.of());
    }

    /** The flows whose files the user sees, or null: every flow. */
    public List<String> visibleTo(Authentication user) {
        boolean wider = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_INTEGRATOR") || a.equals("ROLE_AUDITOR"));
        return wider ? null : flows;
    }

    /** Refuses (403) a file of a flow the user does not see. */
    public void check(Authentication user, String flow) {
        List<String> visible = visibleTo(user);
        if (visible != null && !visible.contains(flow)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this flow's files are not the desk's");
        }
    }
}
