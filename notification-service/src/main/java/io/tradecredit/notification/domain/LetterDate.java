package io.tradecredit.notification.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter is dated the day it is made, not the day its request was taken in; an email or SMS the day it is handed
 * over. Its content is fixed at intake, so its date ({@code letterDate}) and its payment deadline
 * ({@code paymentDeadline}) are written into it as marks that the day of making resolves ({@link #madeOn}): the date
 * becomes that day in the contact's time zone, and the deadline moves by as many days as the message was made after its
 * intake, then to the next day the tenant works, so the buyer has at least the time the dunning policy gave
 * (docs/notification-service.md, "Letters", and "Dated the day it goes out" for emails and SMS).
 *
 * <p>Worked example: taken in on Friday 4 December 2026 with the deadline Friday 11 December (7 days), queued for
 * a print batch (or an email for the send window) and made on Monday 7 December: dated 7 December, deadline Monday
 * 14 December (11 + 3). Made the day of its intake: nothing moves.
 */
public final class LetterDate {
    /** INVISIBLE SEPARATOR: no template, data or letterhead writes it, and a mark never reaches a PDF. */
    static final char MARK = '\u2063';

    private static final Pattern MARKS = Pattern.compile(MARK + "([DPOFW])([^" + MARK + "]*)" + MARK);

    /**
     * A wording chosen on the day of making: not yet due, else overdue ({@link #ifNotYetDue}); one holding no other
     * choice, so that a choice within another's wording is made first ({@link #chosen}).
     */
    private static final Pattern CHOICES = Pattern.compile(MARK + "C([^" + MARK + "]*)" + MARK + "((?:(?!" + MARK
            + "C).)*?)" + MARK + "E" + MARK + "((?:(?!" + MARK + "C).)*?)" + MARK + "Z" + MARK, Pattern.DOTALL);

    /** Between the wording of an item not yet due and that of one overdue ({@link #ifNotYetDue}). */
    public static final String IF_OVERDUE = MARK + "E" + MARK;

    /** After the wording of an item overdue ({@link #ifNotYetDue}). */
    public static final String END = MARK + "Z" + MARK;

    /** Between the wording of items not all fallen due and that of all fallen due ({@link #ifNotYetFallenDue}). */
    public static final String IF_FALLEN_DUE = IF_OVERDUE;

    private LetterDate() {
    }

    /** The letter's date as a template prints it: {@code day} (its intake day in {@code zone}), to be made again. */
    public static String of(LocalDate day, ZoneId zone) {
        return MARK + "D" + day + "|" + zone.getId() + MARK;
    }

    /** The payment deadline as a template prints it: {@code deadline}, stated for a letter of {@code day} in {@code zone}. */
    public static String deadline(String deadline, LocalDate day, ZoneId zone) {
        return MARK + "P" + deadline + "|" + day + "|" + zone.getId() + MARK;
    }

    /**
     * An invoice's days overdue as a template prints it: {@code days} as counted on {@code day} (its intake day in
     * {@code zone}), counted again on the day the message is made ({@link #daysOverdueMadeOn}). It is a number with
     * the value {@code days}, so a template that compares it ({@code inv.daysOverdue > 60}) still can.
     */
    public static java.math.BigDecimal daysOverdue(long days, LocalDate day, ZoneId zone) {
        return new Printed(days, MARK + "O" + days + "|" + day + "|" + zone.getId() + MARK);
    }

    /**
     * The days overdue {@code days}, counted on {@code intake}, on the day {@code made}: as many more as days have
     * passed since (never fewer). Taken in on 7 December 2026 with 13 days overdue, made 10 December: 16.
     */
    public static long daysOverdueMadeOn(long days, LocalDate intake, LocalDate made) {
        return made.isAfter(intake) ? days + ChronoUnit.DAYS.between(intake, made) : days;
    }

    /**
     * Opens a wording judged on the day the message is made, not at its intake: an item taken in not yet overdue (its
     * {@code daysOverdue} 0) may be overdue by the day its letter is dated. A template writes
     * {@code ifNotYetDue(due) + "due on 2026-10-23" + IF_OVERDUE + "due 2026-10-23, 3 days overdue" + END}: made on or
     * before {@code due} in {@code zone}, the first; made after it, the second (with its days overdue counted from
     * {@code due}, {@link #daysOverdueFrom}). As at intake, the first.
     *
     * <p>Worked example: JG-2026-00114, due Friday 23 October 2026, taken in on the run of 19 October (not yet due) in a
     * finance demand made on Monday 26 October: "due 2026-10-23, 3 days overdue", not "due on 2026-10-23"; made on
     * 23 October: "due on 2026-10-23".
     */
    public static String ifNotYetDue(LocalDate due, ZoneId zone) {
        return MARK + "C" + due + "|" + zone.getId() + MARK;
    }

    /**
     * Opens a wording judged on the day the message is made, as {@link #ifNotYetDue}, on whether the latest due date
     * {@code due} of its items has come: made before {@code due} in {@code zone}, the first (some of them fall due
     * later); made on or after it, the second (all have fallen due: one is due on the day it falls due). As at intake,
     * as on {@code asOf}, the day the request counted its items (its run's date).
     *
     * <p>Worked example: a payment request of the run of 19 October 2026 also lists JG-2026-00114, due 23 October (a
     * pre-due reminder's invoice, consolidated): made 19 to 22 October, "have fallen due or fall due on the date
     * shown"; made on 23 October or later, "have fallen due". The due-date letter of an invoice due on its run's day, 10
     * December: "have fallen due", at intake too.
     */
    public static String ifNotYetFallenDue(LocalDate due, LocalDate asOf, ZoneId zone) {
        return MARK + "C" + due.minusDays(1) + "|" + asOf + "|" + zone.getId() + MARK;
    }

    /**
     * The days overdue of an item not overdue at intake, as a template prints it: 0, counted again on the day the message
     * is made from its due date {@code due} (made 26 October, due 23 October: 3; made on or before 23 October: 0).
     */
    public static java.math.BigDecimal daysOverdueFrom(LocalDate due, ZoneId zone) {
        return daysOverdueFrom(0, due, zone);
    }

    /**
     * The days overdue of any item with a due date {@code due}, as a template prints it: {@code days} (the request's
     * count, on its run's date) as at intake, and on the day the message is made in {@code zone} the days from
     * {@code due} to that day ({@link #daysOverdueOn}): one rule for every item, whenever the request was counted or
     * taken in. It is a number with the value {@code days}, so a template can still compare it.
     *
     * <p>Worked example: the run of 19 October 2026 lists JG-2026-00097, due 9 October, 10 days overdue; taken in on
     * 21 October and made on 26 October: 17 days overdue (not 10 + 5, counted from the intake).
     */
    public static java.math.BigDecimal daysOverdueFrom(long days, LocalDate due, ZoneId zone) {
        return new Printed(days, MARK + "F" + days + "|" + due + "|" + zone.getId() + MARK);
    }

    /**
     * A count of days with its English noun, as a template prints it: {@code count} (a plain number, or one marked by
     * {@link #daysOverdue} or {@link #daysOverdueFrom}) followed by "day" when it is 1, else "days", both counted
     * on the day the message is made, so that the noun agrees with the count printed that day.
     *
     * <p>Worked example: JG-2026-00114, due Friday 23 October 2026, taken in on the run of 19 October (0 days overdue),
     * in a letter made on Saturday 24 October: "1 day overdue"; made on Monday 26 October: "3 days overdue". Before,
     * "1 days overdue".
     */
    public static String inDays(java.math.BigDecimal count) {
        if (count instanceof Printed p) {
            // its own mark, O or F, as the first part of a W mark: O|13|2026-12-07|zone
            return MARK + "W" + p.printed.charAt(1) + "|" + p.printed.substring(2);
        }
        return days(count.longValue());
    }

    /**
     * A count of days with its noun in {@code language}, as a template prints it ({@code daysOverdueText}): in English
     * as {@link #inDays(java.math.BigDecimal)}, "1 day", "3 days"; in Chinese the count and 天, "1 天", "3 天" (no plural),
     * both counted on the day the message is made. A template author writes {@code {inv.daysOverdueText} overdue} /
     * {@code 已逾期 {inv.daysOverdueText}} and never "1 days".
     */
    public static String inDays(java.math.BigDecimal count, Language language) {
        return language == Language.ZH_CN ? count + " 天" : inDays(count);
    }

    /** {@code count} with its English noun: "1 day", "0 days", "3 days". */
    public static String days(long count) {
        return count + (count == 1 ? " day" : " days");
    }

    /** The whole days an item due on {@code due} is overdue on {@code day}: 0 on or before its due date. */
    public static long daysOverdueOn(LocalDate due, LocalDate day) {
        return overdueOn(due, day) ? ChronoUnit.DAYS.between(due, day) : 0;
    }

    /** Whether an item due on {@code due} is overdue on {@code day}: none is before its due date, nor on it. */
    public static boolean overdueOn(LocalDate due, LocalDate day) {
        return day.isAfter(due);
    }

    /** A number that prints as its mark. */
    private static final class Printed extends java.math.BigDecimal {
        private static final long serialVersionUID = 1L;
        private final String printed;

        Printed(long value, String printed) {
            super(value);
            this.printed = printed;
        }

        @Override
        public String toString() {
            return printed;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** Whether {@code text} holds a date or deadline still to be made. */
    public static boolean marked(String text) {
        return text != null && text.indexOf(MARK) >= 0;
    }

    /**
     * {@code text} as at intake: each mark its value then, each wording of an item not yet due its first (what the
     * record and a preview show).
     */
    public static String asAtIntake(String text) {
        if (text == null || text.indexOf(MARK) < 0) {
            return text;
        }
        // as the request counted it: on its own day when the choice names one, else not yet due
        return replace(chosen(text, parts -> parts.length == 3 && overdueOn(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]))),
                (kind, parts) -> "W".equals(kind) ? days(Long.parseLong(parts[1])) : parts[0]);
    }

    /**
     * {@code text} made on {@code day} in each mark's zone of the instant {@code made}: the letter's date that day,
     * the deadline moved by the days since its intake (never earlier), then to a day {@code works} says the tenant works,
     * each invoice's days overdue counted that day, each wording of an item not yet due at intake chosen that day
     * ({@link #ifNotYetDue}).
     */
    public static String madeOn(String text, java.time.Instant made, Predicate<LocalDate> works) {
        if (text == null || text.indexOf(MARK) < 0) {
            return text;
        }
        String chosen = chosen(text, parts -> overdueOn(LocalDate.parse(parts[0]),
                LocalDate.ofInstant(made, ZoneId.of(parts[parts.length - 1]))));
        return replace(chosen, (kind, parts) -> {
            LocalDate day = LocalDate.ofInstant(made, ZoneId.of(parts[parts.length - 1]));
            return switch (kind) {
                case "D" -> day.toString();
                case "O", "F" -> String.valueOf(countOn(kind, parts, day));
                case "W" -> days(countOn(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length), day));
                default -> deadlineMadeOn(parts[0], LocalDate.parse(parts[1]), day, works);
            };
        });
    }

    /** The days overdue a mark of {@code kind} O ({@link #daysOverdue}) or F ({@link #daysOverdueFrom}) counts on {@code day}. */
    private static long countOn(String kind, String[] parts, LocalDate day) {
        return "O".equals(kind) ? daysOverdueMadeOn(Long.parseLong(parts[0]), LocalDate.parse(parts[1]), day)
                : daysOverdueOn(LocalDate.parse(parts[1]), day);
    }

    /**
     * The deadline {@code deadline}, stated for a letter of {@code intake}, for the letter made on {@code made}: as
     * stated when made that day (or earlier); else moved by the days between, then to the next day the tenant works.
     * A deadline that is not a date is left as written.
     */
    public static String deadlineMadeOn(String deadline, LocalDate intake, LocalDate made, Predicate<LocalDate> works) {
        if (!made.isAfter(intake)) {
            return deadline;
        }
        LocalDate stated;
        try {
            stated = LocalDate.parse(deadline);
        } catch (java.time.format.DateTimeParseException notADate) {
            return deadline;
        }
        LocalDate moved = stated.plusDays(ChronoUnit.DAYS.between(intake, made));
        for (int i = 0; i < 366 && !works.test(moved); i++) {
            moved = moved.plusDays(1);
        }
        return moved.toString();
    }

    private interface Value {
        String of(String kind, String[] parts);
    }

    /**
     * {@code text} with each choice ({@link #ifNotYetDue}) its wording of an item overdue when {@code overdue} says so;
     * a choice within the second wording of another (three wordings: {@link #ifNotYetFallenDue} on the earliest due date,
     * then on the latest) is made first, then the one around it.
     */
    private static String chosen(String text, Predicate<String[]> overdue) {
        String before;
        String after = text;
        do {
            before = after;
            Matcher m = CHOICES.matcher(before);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(overdue.test(m.group(1).split("\\|")) ? m.group(3) : m.group(2)));
            }
            m.appendTail(out);
            after = out.toString();
        } while (!after.equals(before));
        return after;
    }

    private static String replace(String text, Value value) {
        Matcher m = MARKS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.of(m.group(1), m.group(2).split("\\|"))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
