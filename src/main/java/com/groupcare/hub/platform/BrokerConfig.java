package com.groupcare.hub.platform;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded Artemis: redelivery with backoff, then each queue's own dead-letter queue
 * {@code DLQ.<queue>} (created on first use), browsable from Hawtio.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfig {

    @Bean
    ArtemisConfigurationCustomizer hubAddressSettings(
            @Value("${hub.broker.redelivery-delay}") long redeliveryDelay,
            @Value("${hub.broker.redelivery-multiplier}") double multiplier,
            @Value("${hub.broker.max-delivery-attempts}") int maxAttempts,
            @Value("${hub.claims.transmittal-queue}") String transmittals) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            AddressSettings settings = new AddressSettings()
                    .setRedeliveryDelay(redeliveryDelay)
                    .setRedeliveryMultiplier(multiplier)
                    .setMaxRedeliveryDelay(Math.max(redeliveryDelay, 60_000))
                    .setMaxDeliveryAttempts(maxAttempts)
                    .setDeadLetterAddress(SimpleString.of("DLA"))
                    .setAutoCreateDeadLetterResources(true)
                    .setDeadLetterQueuePrefix(SimpleString.of("DLQ."));
            configuration.addAddressSetting("#", settings);
            // transmittals keep their dead letters apart: a route marks them FAILED for the desk
            configuration.addAddressSetting(transmittals, new AddressSettings()
                    .setRedeliveryDelay(redeliveryDelay)
                    .setRedeliveryMultiplier(multiplier)
                    .setMaxRedeliveryDelay(Math.max(redeliveryDelay, 60_000))
                    .setMaxDeliveryAttempts(maxAttempts)
                    .setDeadLetterAddress(SimpleString.of("DLQ." + transmittals)));
        };
    }
}
