package com.groupcare.hub.exchange;

/** The names every feed has (flow, partner, queues, chunk size), so a feed writes only its own rules. */
public abstract class BaseFileFeed implements FileFeed {

    private final String flow;
    private final String partner;
    private final String filesQueue;
    private final String recordsQueue;
    private final int chunkSize;

    protected BaseFileFeed(String flow, String partner, String filesQueue, String recordsQueue, int chunkSize) {
        this.flow = flow;
        this.partner = partner;
        this.filesQueue = filesQueue;
        this.recordsQueue = recordsQueue;
        this.chunkSize = chunkSize;
    }

    @Override
    public String flow() {
        return flow;
    }

    @Override
    public String partner() {
        return partner;
    }

    @Override
    public String filesQueue() {
        return filesQueue;
    }

    @Override
    public String recordsQueue() {
        return recordsQueue;
    }

    @Override
    public int chunkSize() {
        return chunkSize;
    }
}
