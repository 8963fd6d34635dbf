package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.collections.app.DunningLadders;
import io.tradecredit.collections.domain.Channel;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.DunningLadder;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.collections.domain.LadderVersion;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** A ladder as the API reads and shows it. */
final class LadderJson {
    private LadderJson() {
    }

    public record Action(@Schema(description = "MESSAGE, COLLECTOR_TASK, CASE_OPENING, AGENCY_HANDOFF, LEGAL_PREPARATION or CLAIM_TRIGGER")
            DunningAction.Kind kind,
            @Schema(description = "a message's channels: EMAIL, SMS, LETTER, WEBHOOK; none for other kinds") List<Channel> channels,
            @Schema(description = "a message's template key, else which work (e.g. task.call-to-confirm-reason)") String key,
            @Schema(description = "a message with the EMAIL channel: the email carries the step's letter (its LETTER template) as a PDF; false when left out")
            Boolean attachLetter,
            @Schema(description = "a message with the LETTER channel: its letter is one the law requires, sent even to a contact who opted out of letters; left out (null): a letter of a step from 7 days past due on is")
            Boolean legallyRequired) {
        static Action of(DunningAction a) {
            return new Action(a.kind(), a.channels().stream().sorted().toList(), a.key(), a.attachLetter(), a.legallyRequired());
        }
    }

    public record Step(String key, @Schema(description = "days from the due date, negative before it") Integer offsetDays,
            List<Action> actions,
            @Schema(description = "at most one amount per currency; an invoice with less collectible skips the step") List<Money> minimumAmount) {
        static Step of(DunningStep s) {
            return new Step(s.key(), s.offsetDays(), s.actions().stream().map(Action::of).toList(),
                    s.minimumAmount().amounts());
        }
    }

    public record Request(@Schema(description = "first day in force; today when left out, never before today") LocalDate effectiveFrom,
            List<Step> steps) implements CheckableBody {

        /**
         * Asked when a value could not be read (an unknown action {@code kind}, a channel, an offset that is not a
         * number), so one answer names every wrong field: the steps' and {@code effectiveFrom}'s, as the door judges them.
         */
        @Override
        public List<Violation> violations() {
            List<Violation> wrong = new ArrayList<>();
            toSteps(wrong);
            LocalDate today = BodyRules.today();
            DunningLadders.checkNotPast(effectiveFrom == null ? today : effectiveFrom, today, wrong);
            return wrong;
        }

        /** The steps, with every wrong field (missing offsets as well as DunningLadder's rules) added to {@code wrong}. */
        List<DunningStep> toSteps(List<Violation> wrong) {
            List<DunningStep> steps = new ArrayList<>();
            List<String> guessedOffsets = new ArrayList<>();
            List<Refusals.Present<Money>> minimums = new ArrayList<>();
            int previous = DunningLadder.EARLIEST_OFFSET - 1;
            for (int i = 0; this.steps != null && i < this.steps.size(); i++) {
                Step s = this.steps.get(i);
                if (s == null) {
                    steps.add(null);
                    continue;
                }
                int offset = s.offsetDays() == null ? previous + 1 : s.offsetDays();
                if (s.offsetDays() == null) {
                    // a stand-in keeps the order check quiet: the missing value is what is wrong
                    wrong.add(new Violation("steps[" + i + "].offsetDays", "is required"));
                    guessedOffsets.add("steps[" + i + "].offsetDays");
                }
                previous = offset;
                List<DunningAction> actions = new ArrayList<>();
                for (int k = 0; s.actions() != null && k < s.actions().size(); k++) {
                    Action a = s.actions().get(k);
                    if (a == null) {
                        actions.add(new DunningAction(null, Set.of(), null));
                        continue;
                    }
                    Refusals.nullItems(wrong, "steps[" + i + "].actions[" + k + "].channels", a.channels());
                    Set<Channel> channels = a.channels() == null ? null
                            : a.channels().stream().filter(Objects::nonNull).collect(Collectors.toSet());
                    actions.add(new DunningAction(a.kind(), channels, a.key(), Boolean.TRUE.equals(a.attachLetter()),
                            a.legallyRequired()));
                }
                Refusals.Present<Money> minimum = Refusals.present("steps[" + i + "].minimumAmount", s.minimumAmount());
                minimums.add(minimum);
                steps.add(new DunningStep(s.key(), offset, actions, new CurrencyThresholds(minimum.items())));
            }
            DunningLadder.violations(this.steps == null ? null : steps).stream()
                    .filter(v -> !guessedOffsets.contains(v.field())).forEach(wrong::add);
            minimums.forEach(m -> m.name(wrong));
            return steps;
        }
    }

    public record View(String key, int version, LocalDate effectiveFrom,
            @Schema(description = "TENANT for the tenant's own versions, PLATFORM for the default ladder's version 0") String source,
            OffsetDateTime recordedAt, String recordedBy, List<Step> steps) {
        static View of(LadderVersion v) {
            return new View(v.key(), v.version(), v.effectiveFrom(), v.version() == 0 ? "PLATFORM" : "TENANT",
                    v.recordedAt(), v.recordedBy(), v.ladder().steps().stream().map(Step::of).toList());
        }
    }
}
