package io.tradecredit.common.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A poll's events cut into runs of consecutive events of one kind, applied run after run: a
 * consumer that takes a kind of event in set-based (one lookup for a whole run) keeps the order
 * between kinds that depend on each other (a withdrawal after its request in the same poll still
 * finds the request recorded), see {@link BatchInbox#receiveTogether}.
 */
public final class EventRuns {
    private EventRuns() {
    }

    /** One run: its kind and its events, in the poll's order. */
    public record Run<K>(K kind, List<IncomingEvent> events) {
    }

    /** The runs of {@code events} by {@code kindOf}, in order. */
    public static <K> List<Run<K>> of(List<IncomingEvent> events, Function<IncomingEvent, K> kindOf) {
        List<Run<K>> runs = new ArrayList<>();
        for (IncomingEvent e : events) {
            K kind = kindOf.apply(e);
            if (runs.isEmpty() || !Objects.equals(runs.get(runs.size() - 1).kind(), kind)) {
                runs.add(new Run<>(kind, new ArrayList<>()));
            }
            runs.get(runs.size() - 1).events().add(e);
        }
        return runs;
    }

    /** Applies {@code effect} to each of {@code events}, one after the other: a run of a kind taken one by one. */
    public static Uni<Void> each(List<IncomingEvent> events, Function<IncomingEvent, Uni<Void>> effect) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(e -> effect.apply(e).replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }

    /** Applies each run of {@code events} by {@code apply}, one after the other. */
    public static <K> Uni<Void> apply(List<IncomingEvent> events, Function<IncomingEvent, K> kindOf,
            BiFunction<K, List<IncomingEvent>, Uni<Void>> apply) {
        return Multi.createFrom().iterable(of(events, kindOf)).onItem()
                .transformToUniAndConcatenate(run -> apply.apply(run.kind(), run.events()).replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }
}
