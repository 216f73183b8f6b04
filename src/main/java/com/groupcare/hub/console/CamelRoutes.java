package com.groupcare.hub.console;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.groupcare.hub.common.SafeErrors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * The hub's Camel routes as the console shows them: state, exchanges completed and failed, mean time
 * (Camel's management statistics), and the last error of each route with when it happened (kept from
 * Camel's failure events: class and first line, which the hub's errors keep free of personal data).
 * Never an endpoint URI: they carry partners' credentials.
 */
@Component
public class CamelRoutes extends EventNotifierSupport {

    private final CamelContext camel;
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();

    CamelRoutes(CamelContext camel) {
        this.camel = camel;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        camel.getManagementStrategy().addEventNotifier(this);
    }

    public record LastError(Instant at, String error) {
    }

    public record RouteView(String id, String group, String status, long completed, long failed, long meanMillis,
                            LastError lastError) {

        public boolean started() {
            return ServiceStatus.Started.name().equals(status);
        }
    }

    public List<RouteView> routes() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).map(route -> {
            ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            return new RouteView(route.getRouteId(), route.getGroup(), camel.getRouteController().getRouteStatus(route.getRouteId()).name(),
                    stats == null ? 0 : stats.getExchangesCompleted(), stats == null ? 0 : stats.getExchangesFailed(),
                    stats == null ? 0 : stats.getMeanProcessingTime(), lastErrors.get(route.getRouteId()));
        }).toList();
    }

    public boolean exists(String routeId) {
        return camel.getRoute(routeId) != null;
    }

    public void stop(String routeId) throws Exception {
        camel.getRouteController().stopRoute(routeId);
    }

    public void start(String routeId) throws Exception {
        camel.getRouteController().startRoute(routeId);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failed && failed.getExchange().getFromRouteId() != null) {
            Throwable cause = failed.getExchange().getException();
            lastErrors.put(failed.getExchange().getFromRouteId(), new LastError(Instant.now(),
                    cause == null ? "failed" : FileTimeline.mask(SafeErrors.describe(cause))));
        }
    }
}
