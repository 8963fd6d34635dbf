package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class TextLimitsTest {

    @Test
    void aTextAtItsLimitPassesAndOneCharacterMoreIsNamed() {
        assertEquals(List.of(), TextLimits.atMost(new ArrayList<>(), "note", "n".repeat(500), TextLimits.SHORT_NOTE));
        assertEquals(List.of(), TextLimits.atMost(new ArrayList<>(), "note", null, TextLimits.SHORT_NOTE));
        assertEquals(List.of(new Violation("note", "at most 500 characters (501 given)")),
                TextLimits.atMost(new ArrayList<>(), "note", "n".repeat(501), TextLimits.SHORT_NOTE));
        TextLimits.refuseIfLonger("x.invalid", "owner", "o".repeat(200), TextLimits.OWNER);
        DomainError e = assertThrows(DomainError.class,
                () -> TextLimits.refuseIfLonger("x.invalid", "owner", "o".repeat(201), TextLimits.OWNER));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("x.invalid", e.code());
        assertEquals(List.of("owner"), e.violations().stream().map(Violation::field).toList());
    }

    /** A hold with a 501-character note, no reason and no end date: all three named in one refusal, the rule's code. */
    @Test
    void anOverLongTextIsNamedWithEveryFieldTheRuleRefuses() {
        List<Violation> texts = TextLimits.atMost(new ArrayList<>(), "note", "n".repeat(501), TextLimits.SHORT_NOTE);
        DomainError e = assertThrows(DomainError.class, () -> TextLimits.together(texts, "hold.text", "The hold is wrong",
                () -> Hold.place(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), null, null,
                        java.time.LocalDate.of(2026, 3, 2), null)));
        assertEquals("hold.invalid", e.code());
        assertEquals(List.of("reason", "until", "note"), e.violations().stream().map(Violation::field).toList());
        assertEquals("The hold is wrong: 3 problems, each named below.", e.detail());
    }

    @Test
    void anOverLongTextAloneIsRefusedWithTheGivenCodeAndARightRequestIsMade() {
        List<Violation> texts = TextLimits.atMost(new ArrayList<>(), "note", "n".repeat(2001), TextLimits.NOTE);
        DomainError e = assertThrows(DomainError.class, () -> TextLimits.together(texts, "promise.invalid", "The promise",
                () -> "made"));
        assertEquals("promise.invalid", e.code());
        assertEquals(List.of("note"), e.violations().stream().map(Violation::field).toList());
        assertEquals("made", TextLimits.together(new ArrayList<>(), "promise.invalid", "The promise", () -> "made"));
        DomainError notFound = DomainError.notFound("case.not-found", "no case");
        assertSame(notFound, assertThrows(DomainError.class, () -> TextLimits.together(texts, "c", "s", () -> {
            throw notFound;
        })));
        DomainError invalid = DomainError.invalidField("hold.invalid", "until", "must be given");
        assertSame(invalid, assertThrows(DomainError.class, () -> TextLimits.together(new ArrayList<>(), "c", "s", () -> {
            throw invalid;
        })));
    }
}
