package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void theCheckCharacterOfPublishedCodesIsTheOneComputed() {
        // real codes (Fujian, Beijing), as credit-service's UnifiedSocialCreditCodeTest accepts them
        assertEquals("91350100M000100Y43", Uscc.withCheckCharacter("91350100M000100Y4"));
        assertEquals("91110000802100433B", Uscc.withCheckCharacter("91110000802100433"));
        // a weighted sum divisible by 31 is written 0, not the 32nd character there is none of
        assertTrue(Uscc.isValid(Uscc.withCheckCharacter("00000000000000000")));
        assertEquals('0', Uscc.withCheckCharacter("00000000000000000").charAt(17));
    }

    @Test
    void aWrongCheckCharacterALetterOutsideTheAlphabetOrAWrongLengthIsNotACode() {
        assertTrue(Uscc.isValid("91350100M000100Y43"));
        assertFalse(Uscc.isValid("91350100M000100Y44"));
        assertFalse(Uscc.isValid("91350100M000100I43"));
        assertFalse(Uscc.isValid("91350100M000100Y4"));
        assertFalse(Uscc.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckCharacter("9135010"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckCharacter("91350100M000100O4"));
    }
}
