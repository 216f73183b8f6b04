package com.groupcare.hub.remittance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.common.Money;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.FileRefused;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Insurer remittances' part of the file pipeline (routes/insurer-remittance.yaml): the file name
 * tells which insurer's mapping reads it, the header and the trailer (count and total) are checked
 * before anything is written, then each chunk is matched, reconciled and allocated by
 * {@link RemittanceApplier}. Malformed lines are rejected with their number; the others go on.
 */
@Component
class RemittanceFeed extends BaseFileFeed {

    static final String FLOW = "insurer-remittance";

    private final InsurerMappings mappings;
    private final ContractCatalog contracts;
    private final RemittanceApplier applier;
    private final PayablesNotice notice;
    private final com.groupcare.hub.membership.MovementMappings movements;

    RemittanceFeed(InsurerMappings mappings, ContractCatalog contracts, RemittanceApplier applier, PayablesNotice notice,
                   com.groupcare.hub.membership.MovementMappings movements,
                   @Value("${hub.remittance.chunk-size:20000}") int chunkSize,
                   @Value("${hub.remittance.files-queue:remittance.files}") String filesQueue,
                   @Value("${hub.remittance.records-queue:remittance.records}") String recordsQueue) {
        super(FLOW, "insurers", filesQueue, recordsQueue, chunkSize);
        this.mappings = mappings;
        this.contracts = contracts;
        this.applier = applier;
        this.notice = notice;
        this.movements = movements;
    }

    /** The insurers' inbox also receives their movement acknowledgements: those are the movement-ack feed's. */
    @Override
    public boolean takes(String fileName) {
        return !movements.isAck(fileName);
    }

    @Override
    public Admission admit(String fileName) {
        var found = mappings.remittanceFor(fileName).orElseThrow(() -> new FileRefused("'" + fileName
                + "' is not a remittance name any insurer mapping knows (patterns: " + mappings.patterns() + ")"));
        if (contracts.get(found.getKey().policyNumber()).isEmpty()) {
            throw new FileRefused("no contract " + found.getKey().policyNumber() + " for this remittance");
        }
        return new Admission(found.getKey().policyNumber(), found.getValue());
    }

    @Override
    public String checkHeader(String headerLine) {
        throw new UnsupportedOperationException("the remittance header depends on the file name");
    }

    @Override
    public String checkHeader(String fileName, String headerLine) {
        RemittanceLayout layout = layout(fileName);
        return layout.isHeader(headerLine) ? null
                : "the first line is not the header of " + layout.policyNumber() + "'s remittance layout (expected '"
                + layout.expectedHeader() + (layout.format() == RemittanceLayout.Format.FIXED ? "...'" : "'") + ")";
    }

    @Override
    public String checkContent(String fileName, Path file, int maxLineBytes) {
        RemittanceLayout layout = layout(fileName);
        return RemittanceTrailer.refusal(layout, scale(layout.policyNumber()), file, maxLineBytes);
    }

    @Override
    public boolean isTrailer(ExchangeState exchange, String line) {
        return mappings.remittance(exchange.fileKind()).isTrailer(line);
    }

    @Override
    public String chunkKey(String line) {
        return null;
    }

    /** A remittance line is a few dozen bytes: 20,000 hostile lines of 64 KiB would be 1.3 GB of one chunk. */
    @Override
    public int maxLineBytes(int hubLimit) {
        return Math.min(hubLimit, 4096);
    }

    /** A line may answer an earlier one (a reversal, a second payment): the file's order decides. */
    @Override
    public boolean chunksInFileOrder() {
        return true;
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        InsuranceContract contract = contracts.get(exchange.fileKind()).orElseThrow();
        RemittanceLayout layout = mappings.remittance(exchange.fileKind());
        List<LineError> rejected = new ArrayList<>();
        List<RemittanceEntry> entries = RemittanceLines.parse(layout, Money.minorUnits(contract.currency()), lines, rejected::add);
        applier.apply(exchange.id(), contract, entries);
        return rejected;
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        notice.afterCommit(exchange.id());
        return Completion.DONE;
    }

    private RemittanceLayout layout(String fileName) {
        return mappings.remittanceFor(fileName).orElseThrow(() -> new FileRefused("unknown remittance name")).getKey();
    }

    private int scale(String policy) {
        return Money.minorUnits(contracts.get(policy).orElseThrow().currency());
    }
}
