package com.groupcare.hub.exchange;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code {{arrival:<flow>}}} in an inbox URI gives the read-lock options of the feed's mapping
 * ({@link Arrival}), so a partner's upload convention lives in its mapping, not in the route, and
 * a filter of the names the feed takes ({@link FileFeed#takes}) when partners' feeds share a folder.
 */
@Component
public class ArrivalOptions implements PropertiesFunction, CamelContextConfiguration {

    private final FileFeeds feeds;
    private final long minAgeOverride;

    public ArrivalOptions(FileFeeds feeds, @Value("${hub.intake.read-lock-min-age:-1}") long minAgeOverride) {
        this.feeds = feeds;
        this.minAgeOverride = minAgeOverride;
    }

    @Override
    public String getName() {
        return "arrival";
    }

    @Override
    public String apply(String flow) {
        FileFeed feed = feeds.get(flow.strip());
        return feed.arrival().uriOptions(minAgeOverride) + "&filter=#" + filterName(feed);
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        context.getPropertiesComponent().addPropertiesFunction(this);
        for (FileFeed feed : feeds.all()) {
            org.apache.camel.component.file.GenericFileFilter<Object> names = file -> file.isDirectory() || feed.takes(file.getFileName());
            context.getRegistry().bind(filterName(feed), names);
        }
    }

    private static String filterName(FileFeed feed) {
        return feed.flow() + "-names";
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing to do
    }
}
