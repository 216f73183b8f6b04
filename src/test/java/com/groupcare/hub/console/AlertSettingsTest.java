package com.groupcare.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** hub.console.alerts bound as the hub binds it: a typo or a bad value stops start-up and names the key. */
class AlertSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAndAQueueOfItsOwn() {
        hub.withPropertyValues("hub.console.alerts.webhook-url=", "hub.console.alerts.queue-depth[0].queue=hr.records",
                        "hub.console.alerts.queue-depth[0].over=1000", "hub.console.alerts.queue-depth[0].for=10m")
                .run(context -> {
                    AlertSettings settings = context.getBean(AlertSettings.class);
                    assertThat(settings.evaluateEvery()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.webhookUri()).isNull();
                    assertThat(settings.fileFailed().within()).isEqualTo(Duration.ofHours(24));
                    assertThat(settings.thresholdFor("hr.records")).isEqualTo(
                            new AlertSettings.QueueDepth("hr.records", 1000L, Duration.ofMinutes(10), true));
                    assertThat(settings.thresholdFor("claims.records")).isEqualTo(
                            new AlertSettings.QueueDepth("claims.records", 10000L, Duration.ofMinutes(15), true));
                });
    }

    @Test
    void theHubsOwnSettingsBind() {
        hub.withInitializer(context -> {
            try {
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                        .forEach(context.getEnvironment().getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).run(context -> assertThat(context.getBean(AlertSettings.class).queueDepth()).isEmpty());
    }

    @Test
    void environmentVariablesSetTheKeys() {
        hub.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "HUB_CONSOLE_ALERTS_WEBHOOK_URL", "https://hooks.example.org/alerts",
                        "HUB_CONSOLE_ALERTS_FILEFAILED_ENABLED", "false",
                        "HUB_CONSOLE_ALERTS_FILE_HELD_ENABLED", "false"))))
                .run(context -> {
                    AlertSettings settings = context.getBean(AlertSettings.class);
                    assertThat(settings.webhookUri()).hasToString("https://hooks.example.org/alerts");
                    assertThat(settings.fileFailed().enabled()).isFalse();
                    assertThat(settings.fileHeld().enabled()).isFalse();
                });
    }

    @Test
    void aBareNumberIsMinutesForTheDurationOverTheThreshold() {
        hub.withPropertyValues("hub.console.alerts.default-queue-depth.for=20")
                .run(context -> assertThat(context.getBean(AlertSettings.class).defaultQueueDepth().forDuration())
                        .isEqualTo(Duration.ofMinutes(20)));
    }

    @Test
    void aDurationInWordsStopsTheHubNamingTheKey() {
        assertFails(List.of("hub.console.alerts.queue-depth[0].queue=hr.records", "hub.console.alerts.queue-depth[0].over=1000",
                "hub.console.alerts.queue-depth[0].for=ten minutes"),
                "hub.console.alerts.queue-depth[0].for", "'ten minutes' is not a valid duration");
    }

    @Test
    void aMisspelledKeyStopsTheHub() {
        assertFails(List.of("hub.console.alerts.file-faild.enabled=false"), "hub.console.alerts.file-faild.enabled");
    }

    @Test
    void badValuesStopTheHubWithTheReason() {
        assertFails(List.of("hub.console.alerts.queue-depth[0].queue=hr.records", "hub.console.alerts.queue-depth[0].for=10m"),
                "hub.console.alerts.queue-depth[0].over must be a number of messages");
        assertFails(List.of("hub.console.alerts.default-queue-depth.over=-1"), "default-queue-depth.over must be a number");
        assertFails(List.of("hub.console.alerts.webhook-url=hooks.example.org/alerts"), "webhook-url must be an http(s) address");
        assertFails(List.of("hub.console.alerts.evaluate-every=0s"), "evaluate-every must be at least 0.1s");
        assertFails(List.of("hub.console.alerts.queue-depth[0].queue=a", "hub.console.alerts.queue-depth[0].over=1",
                "hub.console.alerts.queue-depth[0].for=1m", "hub.console.alerts.queue-depth[1].queue=a",
                "hub.console.alerts.queue-depth[1].over=2", "hub.console.alerts.queue-depth[1].for=1m"), "queue a has two rules");
    }

    private void assertFails(List<String> properties, String... expected) {
        hub.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(expected);
        });
    }
}
