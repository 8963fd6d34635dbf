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
 */
public record DunningAction(Kind kind, Set<Channel> channels, String key, boolean attachLetter) {
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
        return problems;
    }
}
