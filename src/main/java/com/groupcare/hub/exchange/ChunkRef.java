package com.groupcare.hub.exchange;

/**
 * What travels on a feed's records queue: a reference to a run of lines of a stored file, never
 * the lines themselves, so integrators browsing queues and dead letters see no personal data.
 */
public record ChunkRef(long exchangeId, int chunkNo, int firstLine, int lastLine, long startByte, long endByte) {

    public String describe() {
        return "chunk " + chunkNo + " (lines " + firstLine + "-" + lastLine + ")";
    }
}
