package io.tradecredit.collections.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.persistence.CaseRepository;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * What an SRE and a credit manager watch of the collectors' work (docs/collections-service.md,
 * "Metrics of cases"): {@code tradecredit.collections.cases} per state, counted in the database
 * (all tenants; the only tag is the state, so the series are bounded) at most every
 * {@code tradecredit.collections.case-metrics-every} (30 s), never per scrape; and the promises
 * judged, kept or broken, counted as they are judged.
 */
@Startup
@ApplicationScoped
public class CaseMetrics {
    @Inject
    MeterRegistry metrics;

    @Inject
    CaseRepository cases;

    private final Map<CaseState, AtomicLong> byState = new EnumMap<>(CaseState.class);

    @PostConstruct
    void register() {
        for (CaseState s : CaseState.values()) {
            byState.put(s, metrics.gauge("tradecredit.collections.cases", Tags.of("state", s.name()),
                    new AtomicLong()));
        }
    }

    /** Reads the counts per state again; the gauges keep the last counts until the next read. */
    @Scheduled(every = "${tradecredit.collections.case-metrics-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return CurrentTransaction.run(() -> cases.countByState())
                .invoke(counts -> byState.forEach((state, gauge) -> gauge.set(counts.getOrDefault(state, 0L))))
                .replaceWithVoid();
    }

    /** One promise judged: {@code outcome} kept or broken. */
    void promiseJudged(boolean kept) {
        metrics.counter("tradecredit.collections.promises.judged", "outcome", kept ? "kept" : "broken").increment();
    }
}
