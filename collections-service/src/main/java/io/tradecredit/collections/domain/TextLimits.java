package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * How long a free text a collector or manager writes may be, judged with the request's other fields
 * so that one refusal names every wrong field at once (an over-long note beside a missing reason and an
 * amount of zero: three fields named, not the note alone).
 */
public final class TextLimits {
    /** A call's, a promise's, a state move's and a case note's text. */
    public static final int NOTE = 2000;
    /** A case's owner (a collector's user id). */
    public static final int OWNER = 200;
    /** A hold's note, a recall's note, a discarded draft's reason. */
    public static final int SHORT_NOTE = 500;

    private TextLimits() {
    }

    /** Adds to {@code into} the violation of {@code field} when {@code text} is longer than {@code max}; answers {@code into}. */
    public static List<Violation> atMost(List<Violation> into, String field, String text, int max) {
        if (text != null && text.length() > max) {
            into.add(new Violation(field, "at most " + max + " characters (" + text.length() + " given)"));
        }
        return into;
    }

    /** A refusal naming {@code field} when {@code text} is longer than {@code max}; nothing when it is not. */
    public static void refuseIfLonger(String code, String field, String text, int max) {
        List<Violation> wrong = atMost(new ArrayList<>(), field, text, max);
        if (!wrong.isEmpty()) {
            throw DomainError.invalid(code, "The request is invalid", wrong);
        }
    }

    /**
     * Judges {@code rest} (a rule that refuses with {@link DomainError.Kind#INVALID}) together with the
     * texts {@code textsWrong} already found too long: when either refuses, one refusal names them all
     * (the rule's code when it refused, else {@code code}); otherwise answers what {@code rest} made.
     */
    public static <T> T together(List<Violation> textsWrong, String code, String subject, Supplier<T> rest) {
        T made;
        try {
            made = rest.get();
        } catch (DomainError e) {
            if (e.kind() != DomainError.Kind.INVALID || textsWrong.isEmpty()) {
                throw e;
            }
            List<Violation> all = new ArrayList<>(e.violations());
            all.addAll(textsWrong);
            throw DomainError.invalid(e.code(), subject, all);
        }
        if (!textsWrong.isEmpty()) {
            throw DomainError.invalid(code, subject, textsWrong);
        }
        return made;
    }
}
