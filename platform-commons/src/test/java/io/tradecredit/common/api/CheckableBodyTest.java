package io.tradecredit.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/** What a body's rules refuse, as {@link WholeBodyReading} merges it with the fields it could not read. */
class CheckableBodyTest {

    @Test
    void aRuleThatAcceptsTheBodyFindsNothing() {
        assertEquals(List.of(), CheckableBody.violationsOf(() -> { }));
    }

    @Test
    void aRuleThatRefusesTheBodyNamesEveryFieldItRefused() {
        List<Violation> wrong = List.of(new Violation("amount", "must be more than 0.00"),
                new Violation("note", "at most 2000 characters"));
        assertEquals(wrong, CheckableBody.violationsOf(() -> {
            throw DomainError.invalid("promise.invalid", "The promise is incomplete", wrong);
        }));
    }

    @Test
    void aRefusalThatIsNotAboutTheBodysFieldsGoesOn() {
        DomainError conflict = DomainError.conflict("promise.pending", "A promise is pending");
        assertSame(conflict, assertThrows(DomainError.class, () -> CheckableBody.violationsOf(() -> {
            throw conflict;
        })));
    }
}
