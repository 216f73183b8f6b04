package com.groupcare.hub.remittance;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the payment step that a remittance's payables are ready: one message per file on
 * {@code remittance.payables} (the exchange id; no personal data), sent once the
 * remittance's last transaction has committed. The payables themselves are rows: a lost notice
 * delays nothing the payment step's own selection would not find.
 */
@Component
class PayablesNotice {

    private static final Logger log = LoggerFactory.getLogger(PayablesNotice.class);

    private final ProducerTemplate producer;
    private final String queue;

    PayablesNotice(@Lazy ProducerTemplate producer,
                   @Value("${hub.remittance.payables-queue:remittance.payables}") String queue) {
        this.producer = producer;
        this.queue = queue;
    }

    void afterCommit(long exchangeId) {
        String body = "{\"exchangeId\":" + exchangeId + "}";
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    producer.sendBody("jms:queue:" + queue, body);
                } catch (RuntimeException e) {
                    log.warn("Payables notice of exchange {} not sent ({})", exchangeId, e.getClass().getSimpleName());
                }
            }
        });
    }
}
