package com.groupcare.hub.exchange;

import com.groupcare.hub.common.HubHeaders;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Counts the chunks a streaming split has sent, without keeping them (memory stays flat). */
@Component("chunkCounter")
public class ChunkCounter implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange total, Exchange chunk) {
        if (total == null) {
            chunk.getMessage().setHeader(HubHeaders.CHUNK_COUNT, 1);
            chunk.getMessage().setBody(null);
            return chunk;
        }
        total.getMessage().setHeader(HubHeaders.CHUNK_COUNT, total.getMessage().getHeader(HubHeaders.CHUNK_COUNT, Integer.class) + 1);
        return total;
    }
}
