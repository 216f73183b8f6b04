package com.groupcare.hub.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each raise and clear as JSON to {@code hub.console.alerts.webhook-url}. Posts leave from one
 * thread of their own, in order, so a slow or dead receiver never holds up an evaluation; a post that
 * fails is logged and dropped (not retried: the alert's state stays in the table and the metrics).
 * The address is never logged, as such URLs often carry a token.
 */
class AlertWebhook {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BACKLOG = 1000;

    /** The payload; instants as ISO-8601 text, endedAt null for RAISED. */
    record Payload(String status, String rule, String subject, String message, String startedAt, String endedAt) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final ThreadPoolExecutor sender;
    private volatile URI url;

    AlertWebhook(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
            Thread thread = new Thread(r, "console-alerts-webhook");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where to post from now on; null stops posting. Changes at runtime without a restart (tests, a console page). */
    void setUrl(URI url) {
        this.url = url;
    }

    void post(AlertChange change) {
        URI target = url;
        if (target == null) {
            return;
        }
        try {
            sender.execute(() -> send(target, change));
        } catch (RejectedExecutionException e) {
            log.warn("Alert webhook backlog full: {} {} of {} not posted", change.status(), change.alert().id(), change.alert().rule());
        }
    }

    static String json(AlertChange change) {
        AlertView alert = change.alert();
        try {
            return JSON.writeValueAsString(new Payload(change.status().name(), alert.rule(), alert.subject(), alert.message(),
                    text(alert.startedAt()), text(alert.endedAt())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(URI target, AlertChange change) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(change))).build();
        String what = change.status() + " alert " + change.alert().id() + " (" + change.alert().rule() + ")";
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                log.warn("Alert webhook answered {} to {}; not retried", status, what);
            }
        } catch (IOException e) {
            log.warn("Alert webhook not reached for {} ({}); not retried", what, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
