package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The record of prior communication as a letter quotes it, in the letter's language (DOMAIN §3). */
class PriorCommunicationTest {
    @Test
    void theLaddersStepsAreNamedInEachLanguageWithTheirChannels() {
        assertEquals(new PriorCommunication.Entry("2026-12-03", "formal demand for payment", "email, letter by post"),
                PriorCommunication.entry("2026-12-03", "dunning.formal-demand", List.of("EMAIL", "LETTER"), Language.EN));
        assertEquals(new PriorCommunication.Entry("2026-12-03", "正式催款函", "电子邮件、邮寄信函"),
                PriorCommunication.entry("2026-12-03", "dunning.formal-demand", List.of("EMAIL", "LETTER"), Language.ZH_CN));
        assertEquals(new PriorCommunication.Entry("2026-11-27", "到期提醒", "短信"),
                PriorCommunication.entry("2026-11-27", "dunning.reminder", List.of(" sms"), Language.ZH_CN));
    }

    @Test
    void aTenantsOwnStepIsNamedByItsTemplateKeyAndAnUnknownChannelShownAsItCame() {
        assertEquals(new PriorCommunication.Entry("2026-12-20", "courtesy letter", "fax"),
                PriorCommunication.entry("2026-12-20", "dunning.courtesy-letter", List.of("fax"), Language.EN));
        assertEquals(new PriorCommunication.Entry("", "call", ""),
                PriorCommunication.entry(null, "call", List.of(), Language.ZH_CN));
        assertEquals(new PriorCommunication.Entry("2026-12-20", "", "email"),
                PriorCommunication.entry("2026-12-20", null, List.of("EMAIL"), Language.EN));
    }
}
