package com.groupcare.hub.membership;

import java.util.List;

import com.groupcare.hub.exchange.Arrival;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.FileRefused;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * HR sync's part of the file pipeline (routes/hr-sync.yaml): the HR export's names and header
 * (mappings/hr/hr-export.yaml), chunks of whole families, files applied in the order of their date,
 * chunks applied by {@link HrChunkApplier}, snapshots closed by {@link HrSnapshotCloser}.
 */
@Component
public class HrFeed extends BaseFileFeed {

    public static final String PARTNER = "hr";
    public static final String FLOW = "hr-sync";

    private final HrLayout layout;
    private final HrChunkApplier applier;
    private final HrSnapshotCloser closer;
    private final HrFileDates dates;

    HrFeed(HrLayout layout, HrChunkApplier applier, HrSnapshotCloser closer, HrFileDates dates,
           @Value("${hub.hr.chunk-size}") int chunkSize,
           @Value("${hub.hr.files-queue}") String filesQueue, @Value("${hub.hr.records-queue}") String recordsQueue) {
        super(FLOW, PARTNER, filesQueue, recordsQueue, chunkSize);
        this.layout = layout;
        this.applier = applier;
        this.closer = closer;
        this.dates = dates;
    }

    @Configuration(proxyBeanMethods = false)
    static class LayoutConfig {
        @Bean
        HrLayout hrLayout(@Value("${hub.hr.layout}") Resource layout) {
            return HrLayout.load(layout);
        }
    }

    @Override
    public Admission admit(String fileName) {
        HrLayout.FileInfo info = layout.classify(fileName).orElseThrow(() -> new FileRefused(
                "the file name matches neither " + layout.snapshotName() + " nor " + layout.deltaName()
                        + " (mappings/hr/hr-export.yaml)"));
        String tooFarAhead = dates.refusal(info.date());
        if (tooFarAhead != null) {
            throw new FileRefused(tooFarAhead);
        }
        return new Admission(info.kind().name(), info.date());
    }

    @Override
    public String checkHeader(String headerLine) {
        return headerLine.strip().equalsIgnoreCase(layout.header()) ? null
                : "the header does not match the layout mappings/hr/hr-export.yaml (expected: " + layout.header() + ")";
    }

    @Override
    public String chunkKey(String line) {
        int end = line.indexOf(layout.delimiter());
        return end < 0 ? line : line.substring(0, end);
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public Arrival arrival() {
        return layout.arrival();
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        return applier.apply(exchange, lines);
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        return closer.complete(exchange, released);
    }

    @Override
    public void rejected(ExchangeState exchange) {
        closer.rejected(exchange);
    }
}
