package io.tradecredit.common.health;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The {@code uri} tag of HTTP server metrics names a route, never what a client typed: a request
 * refused before routing (431 headers too large, 414 URI too long, 413 body too large) carries
 * its raw path, so anyone could add series without limit and ids would become public on the
 * open {@code /q/metrics}. Such requests are counted under {@value #REFUSED}.
 */
public class BoundedUriTags {
    static final String REFUSED = "REFUSED";

    @Produces
    @Singleton
    MeterFilter refusedRequestsHaveNoPath() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server") || id.getTag("uri") == null) {
                    return id;
                }
                String status = id.getTag("status");
                if (!"413".equals(status) && !"414".equals(status) && !"431".equals(status)) {
                    return id;
                }
                Tags tags = Tags.empty();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags = tags.and("uri".equals(tag.getKey()) ? Tag.of("uri", REFUSED) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }
}
