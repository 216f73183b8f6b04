package com.groupcare.hub.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Users from configuration: hub.security.users.NAME.password ({bcrypt}... or {noop}...) and .roles. */
@ConfigurationProperties("hub.security")
public record HubUsers(Map<String, User> users) {

    public HubUsers {
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
    }

    public record User(String password, List<Role> roles, boolean demo) {
    }
}
