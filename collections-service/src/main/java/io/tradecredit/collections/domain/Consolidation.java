package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages one buyer gets from one run (docs/domain.md §3 "Consolidation"): with
 * consolidation on, one per channel, at the highest step among the items it lists; off, one per
 * item and channel. Only steps whose message the run sends count (not superseded, not skipped).
 */
public final class Consolidation {
    /** Every channel in declaration order; {@code values()} would copy the array per outcome. */
    private static final Channel[] CHANNELS = Channel.values();

    private Consolidation() {
    }

    /** The messages for one buyer's outcomes of one run, channels in the order they first appear. */
    public static List<DunningMessage> messages(List<StepOutcome> outcomes, boolean consolidate) {
        List<DunningMessage> messages = new ArrayList<>();
        Map<Channel, List<StepOutcome>> byChannel = new LinkedHashMap<>();
        for (StepOutcome outcome : outcomes) {
            if (!outcome.sendsMessage()) {
                continue;
            }
            // the step's message looked up once per outcome, not once per channel (docs/performance.md, issue 12)
            var channels = outcome.step().message().orElseThrow().channels();
            for (Channel channel : CHANNELS) {
                if (channels.contains(channel)) {
                    if (consolidate) {
                        byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(outcome);
                    } else {
                        messages.add(new DunningMessage(channel, outcome.step(), List.of(outcome), false));
                    }
                }
            }
        }
        byChannel.forEach((channel, listed) -> messages.add(new DunningMessage(channel, highest(listed), listed, true)));
        return messages;
    }

    private static DunningStep highest(List<StepOutcome> listed) {
        return listed.stream().map(StepOutcome::step).max(Comparator.comparingInt(DunningStep::offsetDays)).orElseThrow();
    }
}
