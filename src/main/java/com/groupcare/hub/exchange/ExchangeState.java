package com.groupcare.hub.exchange;

import java.time.LocalDate;

/** An inbound exchange as the pipeline and a feed's steps see it. */
public record ExchangeState(long id, String flow, String fileName, String fileKind, LocalDate fileDate,
                            ExchangeStatus status, Integer chunksExpected, int chunksDone, int totalCount,
                            boolean replayable, String submittedBy) {

    public boolean allChunksIn() {
        return chunksExpected != null && chunksDone >= chunksExpected;
    }
}
