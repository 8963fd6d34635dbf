package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.Violation;

/**
 * One thing a dunning step does. A {@link Kind#MESSAGE} goes out on its channels with a template
 * key (notification-service renders it); every other kind is work done inside collections (a
 * collector's task, a case, an agency hand-off, legal preparation, a claim trigger), and its key
 * says which work (e.g. {@code task.confirm-reason}). Checked by {@link DunningLadder}, which
 * names every problem at once, so this record accepts anything and only copies its set.
 * {@code attachLetter}: a message that also goes by email carries its letter (the LETTER template of
 * the same key, rendered by notification-service) as a PDF attachment, so the buyer has the formal
 * letter at once and not only when the post brings it. Only for a message with the EMAIL channel.
 * {@code legallyRequired}: whether the message's letter is one the law requires, which a contact's
 * opt-out of letters does not stop; null leaves it to the default, a letter of a step from
 * {@value #LEGAL_LETTERS_FROM} days past due on (the default ladder's formal and finance demands).
 * Only for a message with the LETTER channel.
 */
public record DunningAction(Kind kind, Set<Channel> channels, String key, boolean attachLetter,
        Boolean legallyRequired) {
    /** From this offset on a letter is, unless the tenant says otherwise, a formal demand the law requires. */
    public static final int LEGAL_LETTERS_FROM = 7;

    /** What a step can do (docs/domain.md §3). */
    public enum Kind {
        MESSAGE, COLLECTOR_TASK, CASE_OPENING, AGENCY_HANDOFF, LEGAL_PREPARATION, CLAIM_TRIGGER
    }

    public DunningAction {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    /** An action without a letter attached. */
    public DunningAction(Kind kind, Set<Channel> channels, String key) {
        this(kind, channels, key, false);
    }

    /** An action whose letter, if any, is legally required by the default rule. */
    public DunningAction(Kind kind, Set<Channel> channels, String key, boolean attachLetter) {
        this(kind, channels, key, attachLetter, null);
    }

    /** Whether this message's letter, at a step {@code offsetDays} from the due date, is legally required. */
    public boolean letterLegallyRequired(int offsetDays) {
        return legallyRequired != null ? legallyRequired : offsetDays >= LEGAL_LETTERS_FROM;
    }

    public static DunningAction message(String templateKey, Channel... channels) {
        return new DunningAction(Kind.MESSAGE, Set.of(channels), templateKey);
    }

    /** A message whose email carries its letter as a PDF. */
    public static DunningAction messageWithLetter(String templateKey, Channel... channels) {
        return new DunningAction(Kind.MESSAGE, Set.of(channels), templateKey, true);
    }

    public static DunningAction work(Kind kind, String key) {
        return new DunningAction(kind, Set.of(), key);
    }

    public boolean isMessage() {
        return kind == Kind.MESSAGE;
    }

    /** What is wrong with this action, fields named under {@code path} (e.g. {@code steps[2].actions[0]}). */
    List<Violation> violations(String path) {
        List<Violation> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new Violation(path + ".kind", "is required"));
        }
        if (key == null || key.isBlank()) {
            problems.add(new Violation(path + ".key", "is required (the template key of a message, the kind of work otherwise)"));
        }
        if (isMessage() && channels.isEmpty()) {
            problems.add(new Violation(path + ".channels", "a message needs at least one channel"));
        }
        if (kind != null && !isMessage() && !channels.isEmpty()) {
            problems.add(new Violation(path + ".channels", "only a message has channels"));
        }
        if (attachLetter && !(isMessage() && channels.contains(Channel.EMAIL))) {
            problems.add(new Violation(path + ".attachLetter", "only a message sent by EMAIL can attach its letter"));
        }
        if (legallyRequired != null && !(isMessage() && channels.contains(Channel.LETTER))) {
            problems.add(new Violation(path + ".legallyRequired", "only a message sent by LETTER has a letter the law may require"));
        }
        return problems;
    }
}
