package com.groupcare.hub.membership;

import java.util.List;

/** A run of consecutive lines of one HR file: the unit of work on the queue hr.records. */
public record HrChunk(long exchangeId, int chunkNo, List<RawLine> lines) {
}
