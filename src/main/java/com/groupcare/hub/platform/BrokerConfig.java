package com.groupcare.hub.platform;

import java.util.List;

import com.groupcare.hub.exchange.FileFeed;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded Artemis: redelivery with backoff, then the queue's own dead-letter queue
 * {@code DLQ.<queue>}, declared up front for every queue a consumer watches the dead letters of
 * (the file pipeline's records queues, the transmittals, the movement batches), so a dead letter is never dropped.
 * A dead-letter consumer that fails (database away) is retried without end, with backoff.
 * The same settings for a standalone broker: docker/artemis/broker.xml.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfig {

    @Bean
    ArtemisConfigurationCustomizer hubAddressSettings(
            @Value("${hub.broker.redelivery-delay}") long redeliveryDelay,
            @Value("${hub.broker.redelivery-multiplier}") double multiplier,
            @Value("${hub.broker.max-delivery-attempts}") int maxAttempts,
            @Value("${hub.claims.transmittal-queue}") String transmittals,
            @Value("${hub.movements.queue}") String movements,
            @Value("${hub.payments.files-queue}") String payments,
            List<FileFeed> feeds) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            configuration.addAddressSetting("#", redelivery(redeliveryDelay, multiplier, maxAttempts)
                    .setDeadLetterAddress(SimpleString.of("DLA"))
                    .setAutoCreateDeadLetterResources(true)
                    .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));
            List<String> watched = new java.util.ArrayList<>(feeds.stream().map(FileFeed::recordsQueue).toList());
            watched.add(transmittals);
            watched.add(movements);
            watched.add(payments);
            for (String queue : watched) {
                configuration.addAddressSetting(queue, redelivery(redeliveryDelay, multiplier, maxAttempts)
                        .setDeadLetterAddress(SimpleString.of("DLQ." + queue)));
                configuration.addQueueConfiguration(QueueConfiguration.of("DLQ." + queue).setRoutingType(RoutingType.ANYCAST));
            }
            configuration.addAddressSetting("DLQ.#", redelivery(Math.max(redeliveryDelay, 1000), 2.0, -1)
                    .setMaxRedeliveryDelay(300_000));
        };
    }

    private static AddressSettings redelivery(long delay, double multiplier, int maxAttempts) {
        return new AddressSettings()
                .setRedeliveryDelay(delay)
                .setRedeliveryMultiplier(multiplier)
                .setMaxRedeliveryDelay(Math.max(delay, 300_000))
                .setMaxDeliveryAttempts(maxAttempts);
    }
}
