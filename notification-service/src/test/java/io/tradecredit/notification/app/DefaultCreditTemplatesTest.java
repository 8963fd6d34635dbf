package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.RenderedMessage;

/**
 * The platform's default {@code credit.limit-changed} email, rendered with the engine the service renders with, in both
 * languages: Globex Trading Ltd.'s limit from 100,000.00 to 150,000.00 CNY from 2026-12-08.
 */
@QuarkusTest
class DefaultCreditTemplatesTest {
    static final String KEY = "credit.limit-changed";

    @Inject
    Templates templates;

    @Inject
    ObjectMapper json;

    @Test
    void theLimitChangeStatesBothLimitsAndTheDayInBothLanguages() {
        List<RenderedMessage> rendered = DefaultTemplatePreviews.rendered(templates, KEY, ChannelType.EMAIL, data());
        assertEquals("Credit limit of Globex Trading Ltd. changed to 150000.00 CNY",
                rendered.get(Language.EN.ordinal()).subject());
        assertTrue(rendered.get(Language.EN.ordinal()).text().contains("The credit limit of Globex Trading Ltd. changed from"
                + " 100000.00 CNY to 150000.00 CNY, effective 2026-12-08."), rendered.get(Language.EN.ordinal()).text());
        assertTrue(rendered.get(Language.ZH_CN.ordinal()).text().contains("Globex Trading Ltd.的信用额度已由 100000.00 CNY 调整为"
                + " 150000.00 CNY，自 2026-12-08 起生效。"), rendered.get(Language.ZH_CN.ordinal()).text());
    }

    /**
     * A tenant without a sender identity signs as the platform (its configured From, Tradecredit): the signatory and the
     * From name are then the same, and the email signed "Tradecredit" twice. Now once, as the dunning and receipt
     * templates do.
     */
    @Test
    void withoutASenderIdentityTheSenderSignsOnce() {
        List<RenderedMessage> rendered = DefaultTemplatePreviews.rendered(templates, KEY, ChannelType.EMAIL, data());
        String en = rendered.get(Language.EN.ordinal()).text().strip();
        String zh = rendered.get(Language.ZH_CN.ordinal()).text().strip();
        assertTrue(en.endsWith("effective 2026-12-08.\n\nKind regards,\nTradecredit"), en);
        assertTrue(zh.endsWith("起生效。\n\n此致\n敬礼\n\nTradecredit"), zh);
    }

    private ObjectNode data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("id", UUID.randomUUID().toString(), "name", "Globex Trading Ltd."));
        data.put("previousLimit", Map.of("amount", "100000.00", "currency", "CNY"));
        data.put("newLimit", Map.of("amount", "150000.00", "currency", "CNY"));
        data.put("effectiveFrom", "2026-12-08");
        return json.valueToTree(data);
    }
}
