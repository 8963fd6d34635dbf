package io.tradecredit.common.health;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The {@code uri} tag of HTTP server metrics names a route, never what a client typed: a request
 * refused before routing (431 headers too large, 414 URI too long, 413 body too large) carries
 * its raw path, so anyone could add series without limit and ids would become public on the
 * open {@code /q/metrics}. Such requests are counted under {@value #REFUSED}. So is a malformed
 * URI's 400 ({@code ?q=%zz}): {@code HttpLayerProblems} gives the requests it refuses the route
 * template {@link #REFUSED_TEMPLATE}, which Quarkus' metrics write as {@code /REFUSED}.
 */
public class BoundedUriTags {
    static final String REFUSED = "REFUSED";
    /** The route template of a request refused before routing, for {@link #markRefused}. */
    static final String REFUSED_TEMPLATE = "/" + REFUSED;
    /**
     * The request context's local in which Quarkus' HTTP metrics look for the route template
     * (quarkus-rest puts its resource's path there) before falling back on the raw path.
     */
    static final String ROUTE_TEMPLATE_LOCAL = "UrlPathTemplate";

    /** Counts the current request, refused before any route ran, under {@value #REFUSED}. */
    public static void markRefused() {
        Context request = Vertx.currentContext();
        if (request != null) {
            request.putLocal(ROUTE_TEMPLATE_LOCAL, REFUSED_TEMPLATE);
        }
    }

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
                boolean refused = "413".equals(status) || "414".equals(status) || "431".equals(status)
                        || REFUSED_TEMPLATE.equals(id.getTag("uri"));
                if (!refused) {
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
