package com.groupcare.hub.exchange;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The feeds plugged into the pipeline, by flow name. */
@Component
public class FileFeeds {

    private final Map<String, FileFeed> byFlow;

    public FileFeeds(List<FileFeed> feeds) {
        this.byFlow = feeds.stream().collect(Collectors.toUnmodifiableMap(FileFeed::flow, Function.identity()));
    }

    public FileFeed get(String flow) {
        FileFeed feed = byFlow.get(flow);
        if (feed == null) {
            throw new IllegalArgumentException("no file feed for flow " + flow + " (known: " + byFlow.keySet() + ")");
        }
        return feed;
    }

    public java.util.Collection<FileFeed> all() {
        return byFlow.values();
    }
}
