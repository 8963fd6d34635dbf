package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {
    @Test
    void publishedCodesAreValid() {
        // 91350100M000100Y4: weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3 -> check character '3'
        assertTrue(UnifiedSocialCreditCode.isValid("91350100M000100Y43"));
        assertTrue(UnifiedSocialCreditCode.isValid("91110000802100433B"));
    }

    @Test
    void wrongCheckCharacterIsNamed() {
        assertEquals("check character is '4', expected '3'",
                UnifiedSocialCreditCode.problem("91350100M000100Y44").orElseThrow());
    }

    @Test
    void lettersOutsideTheAlphabetAndWrongLengthsAreRefused() {
        assertFalse(UnifiedSocialCreditCode.isValid("91350100M000100I43"));
        assertFalse(UnifiedSocialCreditCode.isValid("91350100M000100Y4"));
        assertFalse(UnifiedSocialCreditCode.isValid(null));
    }

    @Test
    void refusedCharacterIsNamedByItsPositionCountingFromOne() {
        // 'I' is not in the alphabet (it reads like 1): the 16th character
        assertEquals("character 16 ('I') is not allowed",
                UnifiedSocialCreditCode.problem("91350100M000100I43").orElseThrow());
        assertEquals("must be 18 characters", UnifiedSocialCreditCode.problem("91350100M000100Y4").orElseThrow());
    }
}
