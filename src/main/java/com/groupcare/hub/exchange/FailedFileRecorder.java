package com.groupcare.hub.exchange;

import com.groupcare.hub.common.HubHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Error policy of file-intake routes: the exchange is marked failed with the reason; the file goes to .failed. */
@Component("failedFileRecorder")
public class FailedFileRecorder implements Processor {

    private final ExchangeIntake intake;

    public FailedFileRecorder(ExchangeIntake intake) {
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) {
        Long id = exchange.getMessage().getHeader(HubHeaders.EXCHANGE_ID, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (id != null) {
            intake.markFailed(id, cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
