package com.groupcare.hub.console;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.stereotype.Component;

/** {@code route-stopped}: a Camel route is stopped or suspended (by a person, or after an error at start). */
@Component
class RouteStoppedCondition implements AlertCondition {

    static final String RULE = "route-stopped";

    private final CamelContext camel;
    private final AlertSettings.Switch settings;

    RouteStoppedCondition(CamelContext camel, AlertSettings settings) {
        this.camel = camel;
        this.settings = settings.routeStopped();
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Firing> firing() {
        if (!settings.enabled()) {
            return List.of();
        }
        if (!camel.getStatus().isStarted()) {
            // starting or stopping as a whole: every route looks stopped, which says nothing about any one
            throw new IllegalStateException("Camel is " + camel.getStatus());
        }
        List<Firing> stopped = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            if (status != null && (status.isStopped() || status.isSuspended())) {
                stopped.add(new Firing(route.getRouteId(), "route " + route.getRouteId() + " is " + status));
            }
        }
        return stopped;
    }
}
