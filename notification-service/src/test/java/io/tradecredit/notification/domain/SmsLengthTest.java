package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The parts of an SMS by its alphabet, and how many invoices a reminder lists within a tenant's limit. */
class SmsLengthTest {
    @Test
    void latinTextIsOnePartUpTo160ThenPartsOf153() {
        assertEquals(1, SmsLength.parts("a".repeat(160)));
        assertEquals(2, SmsLength.parts("a".repeat(161)));
        assertEquals(2, SmsLength.parts("a".repeat(306)));
        assertEquals(3, SmsLength.parts("a".repeat(307)));
        assertEquals(3, SmsLength.parts("a".repeat(459)));
        assertEquals(4, SmsLength.parts("a".repeat(460)));
        assertEquals(1, SmsLength.parts(""));
        assertEquals(12, SmsLength.septets("Hello, Wang!"));
        // @ is a GSM-7 character: an email address goes in GSM-7
        assertEquals(17, SmsLength.septets("li@globex.example"));
    }

    @Test
    void theEuroSignAndBracesTakeTwoSeptets() {
        assertEquals(160, SmsLength.septets("€".repeat(80)));
        assertEquals(1, SmsLength.parts("€".repeat(80)));
        assertEquals(2, SmsLength.parts("a".repeat(159) + "{"));
        assertEquals(1, SmsLength.parts("a".repeat(158) + "}"));
        assertEquals(16, SmsLength.septets("[]~\\^|€\f")); // eight extension characters, two septets each
        assertEquals(3, SmsLength.septets("£¥é"));
    }

    @Test
    void chineseTextIsOnePartUpTo70ThenPartsOf67() {
        assertEquals(SmsLength.NOT_GSM, SmsLength.septets("付款"));
        assertEquals(1, SmsLength.parts("付".repeat(70)));
        assertEquals(2, SmsLength.parts("付".repeat(71)));
        assertEquals(2, SmsLength.parts("付".repeat(134)));
        assertEquals(3, SmsLength.parts("付".repeat(135)));
        // one Chinese character makes the whole text UCS-2
        assertEquals(2, SmsLength.parts("a".repeat(100) + "付"));
        // a character outside the basic plane is two UTF-16 units
        assertEquals(2, SmsLength.parts("付".repeat(69) + "😀"));
    }

    @Test
    void aTextFitsWithinTheTenantsPartsAndTheReasonSaysBy() {
        assertTrue(SmsLength.DEFAULT.fits("a".repeat(459)));
        assertFalse(SmsLength.DEFAULT.fits("a".repeat(460)));
        assertTrue(new SmsLength(1).fits("付".repeat(70)));
        assertFalse(new SmsLength(1).fits("付".repeat(71)));
        assertEquals("the SMS would be 4 parts (460 GSM-7 characters, 153 a part), more than the tenant's limit of 3"
                + " (smsMaxParts)", SmsLength.DEFAULT.tooLong("a".repeat(460)));
        assertEquals("the SMS would be 2 parts (71 UCS-2 characters, 67 a part), more than the tenant's limit of 1"
                + " (smsMaxParts)", new SmsLength(1).tooLong("付".repeat(71)));
    }

    @Test
    void aTenantAllowsOneToTenParts() {
        assertTrue(SmsLength.allowed(1));
        assertTrue(SmsLength.allowed(10));
        assertFalse(SmsLength.allowed(0));
        assertFalse(SmsLength.allowed(11));
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(0));
        assertThrows(IllegalArgumentException.class, () -> new SmsLength(11));
        assertEquals(10, new SmsLength(10).maxParts());
    }

    /** 12 invoices of 60 characters each under a 40-character head: 7 fit in 3 parts (40 + 7 x 60 + 30 = 490 > 459: 6). */
    @Test
    void aReminderListsAsManyInvoicesAsFitAndNoneWhenNotEvenOneDoes() {
        String head = "h".repeat(40);
        OptionalInt listed = SmsLength.DEFAULT.mostListed(12, n -> head + "i".repeat(60 * n) + "and more: " + "t".repeat(20));
        // 40 + 60n + 30 <= 459: n = 6
        assertEquals(OptionalInt.of(6), listed);
        assertEquals(OptionalInt.of(12), SmsLength.DEFAULT.mostListed(12, n -> "i".repeat(10 * n)));
        assertEquals(OptionalInt.empty(), new SmsLength(1).mostListed(12, n -> "付".repeat(71)));
        // only the first fits
        assertEquals(OptionalInt.of(1), new SmsLength(1).mostListed(5, n -> "a".repeat(100 * n)));
        // the edge: exactly the limit fits
        assertEquals(OptionalInt.of(3), new SmsLength(1).mostListed(5, n -> "a".repeat(50 * n + 10)));
    }
}
