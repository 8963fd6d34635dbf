package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class UnsubscribeTokenTest {
    static final String SECRET = "unsubscribe-secret-0123456789";
    static final UnsubscribeToken ACME_LI_EMAIL = new UnsubscribeToken("acme",
            UUID.fromString("0b7e0c1e-5d2a-4f3b-9c8d-7e6f5a4b3c2d"), ChannelType.EMAIL);
    // checked with Python's hmac: base64url("acme\n<contact>\nEMAIL") + "." + hex HMAC-SHA256
    static final String WORKED = "YWNtZQowYjdlMGMxZS01ZDJhLTRmM2ItOWM4ZC03ZTZmNWE0YjNjMmQKRU1BSUw"
            + ".fe594107a6ec9e238b57ef49208cbd00f9bdc50495b869286c41a1de2718d273";

    @Test
    void theWorkedExampleSignsTenantContactAndChannel() {
        assertEquals(WORKED, ACME_LI_EMAIL.sign(SECRET));
        assertEquals(ACME_LI_EMAIL, UnsubscribeToken.read(SECRET, WORKED));
    }

    @Test
    void anAlteredTokenOrAnotherSecretIsNotFound() {
        String otherTenant = new UnsubscribeToken("globex", ACME_LI_EMAIL.contactId(), ChannelType.EMAIL).sign(SECRET);
        String forged = otherTenant.substring(0, otherTenant.indexOf('.')) + WORKED.substring(WORKED.indexOf('.'));
        assertEquals(DomainError.Kind.NOT_FOUND, assertThrows(DomainError.class, () -> UnsubscribeToken.read(SECRET, forged)).kind());
        String flipped = WORKED.substring(0, WORKED.length() - 1) + "4";
        assertEquals(DomainError.Kind.NOT_FOUND, assertThrows(DomainError.class, () -> UnsubscribeToken.read(SECRET, flipped)).kind());
        assertEquals(DomainError.Kind.NOT_FOUND, assertThrows(DomainError.class,
                () -> UnsubscribeToken.read("another-deployment", WORKED)).kind());
    }

    @Test
    void whatIsNoTokenAtAllIsInvalidNamingTheToken() {
        for (String bad : new String[] {null, "", "abc", ".fe59", "!!!." + "a".repeat(64), WORKED + "0",
                WORKED.replace(".fe", ".FE"), "YWNtZQ." + "a".repeat(64)}) {
            DomainError e = assertThrows(DomainError.class, () -> UnsubscribeToken.read(SECRET, bad), String.valueOf(bad));
            assertEquals(DomainError.Kind.INVALID, e.kind(), bad);
            assertEquals("token", e.violations().get(0).field());
        }
    }

    @Test
    void theLinkGoesAtTheEndOfBothPartsInTheRecipientsLanguage() {
        RenderedMessage m = RenderedMessage.of("Reminder", "Dear Li Wei,\n\nPlease pay.\n", "Acme");
        RenderedMessage en = m.withUnsubscribeLink("https://n.example/unsubscribe?token=a.b&x=1", Language.EN);
        assertEquals("Dear Li Wei,\n\nPlease pay.\n\nTo stop receiving these emails, open: https://n.example/unsubscribe?token=a.b&x=1\n",
                en.text());
        assertTrue(en.html().endsWith("<footer><p><a href=\"https://n.example/unsubscribe?token=a.b&amp;x=1\">Unsubscribe</a>"
                + "</p></footer></body></html>"), en.html());
        assertEquals("Reminder", en.subject());
        RenderedMessage zh = m.withUnsubscribeLink("https://n.example/u", Language.ZH_CN);
        assertTrue(zh.text().endsWith("如不希望再收到此类邮件，请打开：https://n.example/u\n"), zh.text());
        assertTrue(zh.html().contains(">退订</a>"));
        assertEquals("x<footer><p><a href=\"u\">Unsubscribe</a></p></footer>",
                new RenderedMessage("", "x", "x").withUnsubscribeLink("u", Language.EN).html());
        assertEquals("<footer><p><a href=\"u\">Unsubscribe</a></p></footer></body>",
                new RenderedMessage("", "x", "</body>").withUnsubscribeLink("u", Language.EN).html());
    }
}
