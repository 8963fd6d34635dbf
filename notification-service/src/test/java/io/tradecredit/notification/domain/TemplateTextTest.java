package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class TemplateTextTest {

    @Test
    void aDefaultFileHasItsSubjectOnTheFirstLine() {
        TemplateText t = TemplateText.parseDefault("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN,
                "Subject:  Invoices due soon \r\n\r\nDear {contact.name},\r\nplease pay.\r\n\r\n");
        assertEquals("Invoices due soon", t.subject());
        assertEquals("Dear {contact.name},\nplease pay.\n", t.body());
        assertEquals(0, t.version());
        assertEquals(Language.EN, t.language());
    }

    @Test
    void aFileWithoutSubjectIsAllBody() {
        TemplateText t = TemplateText.parseDefault("dunning.reminder", ChannelType.SMS, Language.ZH_CN, "请付款。");
        assertEquals("", t.subject());
        assertEquals("请付款。\n", t.body());
        assertEquals("", TemplateText.parseDefault("k", ChannelType.EMAIL, Language.EN, "Subject: only").body().strip());
        assertEquals("only", TemplateText.parseDefault("k", ChannelType.EMAIL, Language.EN, "Subject: only").subject());
    }

    @Test
    void aTenantVersionNeedsKeyChannelLanguageBodyAndForEmailASubject() {
        DomainError e = assertThrows(DomainError.class,
                () -> TemplateText.tenantVersion("Not A Key", null, "fr", 1, null, " "));
        assertEquals(List.of("templateKey", "channel", "language", "body"),
                e.violations().stream().map(v -> v.field()).toList());
        DomainError email = assertThrows(DomainError.class,
                () -> TemplateText.tenantVersion("dunning.reminder", ChannelType.EMAIL, "en", 1, " ", "x"));
        assertEquals(List.of("subject"), email.violations().stream().map(v -> v.field()).toList());
        assertThrows(DomainError.class, () -> TemplateText.tenantVersion(null, ChannelType.SMS, null, 1, null, null));
    }

    @Test
    void anSmsVersionNeedsNoSubject() {
        TemplateText t = TemplateText.tenantVersion("dunning.reminder", ChannelType.SMS, "zh-CN", 3, null, "请付款");
        assertEquals("", t.subject());
        assertEquals(3, t.version());
        assertEquals(Language.ZH_CN, t.language());
        TemplateText mail = TemplateText.tenantVersion("dunning.reminder", ChannelType.EMAIL, "en", 1, " Hi ", "x");
        assertEquals("Hi", mail.subject());
    }

    @Test
    void keysAreDottedLowerCaseWords() {
        assertTrue(TemplateText.KEY.matcher("dunning.finance-demand").matches());
        assertTrue(TemplateText.KEY.matcher("credit.limit-changed").matches());
        assertFalse(TemplateText.KEY.matcher("../etc/passwd").matches());
        assertFalse(TemplateText.KEY.matcher("Dunning").matches());
    }
}
