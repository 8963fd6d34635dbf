package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * What the platform's default {@code credit.alert} email tells the tenant's credit manager (DOMAIN §1: changes of
 * grade or limit raise alerts to the credit manager), rendered with the engine the service renders with, in both
 * languages, from the data credit-service sends with each alert: Globex Trading Ltd.'s grade fell from 2 to 4, it was
 * blocked on an insolvency filing, it broke a promise to pay, a dispute asked to adjust its credit policy. Each kind
 * says in the domain's words what happened; every one states the alert's message, the grade (when graded), when and
 * the buyer's id.
 */
@QuarkusTest
class DefaultCreditAlertTemplatesTest {
    static final String KEY = "credit.alert";
    static final String BUYER_ID = "7d1c2f0e-0000-4000-8000-000000000001";

    @Inject
    Templates templates;

    @Inject
    ObjectMapper json;

    @Test
    void aGradeFallSaysTheGradeFellPastThePolicyWithItsFiguresInBothLanguages() {
        List<RenderedMessage> rendered = rendered(data("GRADE_DROP",
                "grade fell from 2 to 4 (threshold 2): limit cut after invoice INV-7 200 days past due", 4));
        RenderedMessage en = rendered.get(Language.EN.ordinal());
        RenderedMessage zh = rendered.get(Language.ZH_CN.ordinal());

        assertEquals("Credit alert on Globex Trading Ltd.: grade fell", en.subject());
        assertEquals("信用预警：Globex Trading Ltd.信用等级下降", zh.subject());
        assertTrue(en.text().contains("The credit grade of Globex Trading Ltd. fell by more than your credit policy"
                + " allows"), en.text());
        assertTrue(zh.text().contains("Globex Trading Ltd.的信用等级下降幅度已超过贵司信用政策的阈值"), zh.text());
        for (RenderedMessage m : rendered) {
            for (String fact : List.of("grade fell from 2 to 4 (threshold 2): limit cut after invoice INV-7 200 days"
                    + " past due", "2026-12-07 17:30 (UTC+08:00)", BUYER_ID)) {
                assertTrue(m.text().contains(fact), fact + " in:\n" + m.text());
            }
        }
        assertTrue(en.text().contains("Credit grade now: 4 (1 best, 10 default or insolvent)\n"), en.text());
        assertTrue(zh.text().contains("当前信用等级：4（1 为最好，10 为违约或破产）\n"), zh.text());
    }

    @Test
    void eachKindOfAlertIsSaidInTheDomainsWordsInBothLanguages() {
        Map<String, List<String>> said = Map.of(
                "BUYER_BLOCKED", List.of("Credit alert on Globex Trading Ltd.: new credit blocked",
                        "New credit to Globex Trading Ltd. is blocked: its credit limit is 0",
                        "信用预警：Globex Trading Ltd.已冻结新增赊销", "已冻结对Globex Trading Ltd.的新增赊销：信用额度为 0"),
                "PROMISE_BROKEN", List.of("Credit alert on Globex Trading Ltd.: promise to pay broken",
                        "Globex Trading Ltd. broke its promise to pay; its credit grade was assessed again",
                        "信用预警：Globex Trading Ltd.未履行付款承诺", "Globex Trading Ltd.未履行付款承诺，已以此为由重新评估其信用等级"),
                "CREDIT_POLICY_REVIEW", List.of("Credit alert on Globex Trading Ltd.: credit policy to review",
                        "A dispute of Globex Trading Ltd. was resolved with a request to adjust the buyer's credit policy",
                        "信用预警：Globex Trading Ltd.信用政策待调整", "与Globex Trading Ltd.的争议已解决，并要求调整该买方的信用政策"));
        said.forEach((kind, words) -> {
            List<RenderedMessage> rendered = rendered(data(kind, "what credit-service said", 10));
            RenderedMessage en = rendered.get(Language.EN.ordinal());
            RenderedMessage zh = rendered.get(Language.ZH_CN.ordinal());
            assertEquals(words.get(0), en.subject(), kind);
            assertTrue(en.text().contains(words.get(1)), kind + ":\n" + en.text());
            assertEquals(words.get(2), zh.subject(), kind);
            assertTrue(zh.text().contains(words.get(3)), kind + ":\n" + zh.text());
            assertTrue(en.text().contains("What happened: what credit-service said\n"), en.text());
            assertTrue(zh.text().contains("详情：what credit-service said\n"), zh.text());
        });
    }

    @Test
    void aBuyerNeverGradedHasNoGradeLine() {
        List<RenderedMessage> rendered = rendered(data("BUYER_BLOCKED", "new credit blocked: insolvency filing", null));
        assertFalse(rendered.get(Language.EN.ordinal()).text().contains("Credit grade now"));
        assertTrue(rendered.get(Language.EN.ordinal()).text().contains("new credit blocked: insolvency filing\n"
                + "Raised at: 2026-12-07 17:30 (UTC+08:00)\n"), rendered.get(Language.EN.ordinal()).text());
        // the instant credit-service states, read in Shanghai: 09:30 UTC is 17:30 there (it printed "2026-12-07T09:30Z")
        assertTrue(rendered.get(Language.ZH_CN.ordinal()).text().contains("预警时间：2026-12-07 17:30 (UTC+08:00)\n"),
                rendered.get(Language.ZH_CN.ordinal()).text());
        assertFalse(rendered.get(Language.ZH_CN.ordinal()).text().contains("当前信用等级"));
    }

    /** Each language's rendering, in {@link Language} order; fails on a failed one. */
    private List<RenderedMessage> rendered(ObjectNode data) {
        return DefaultTemplatePreviews.rendered(templates, KEY, ChannelType.EMAIL, data);
    }

    /** The request's data as credit-service writes it (CreditEvents.alertRequest); grade left out when null. */
    private ObjectNode data(String kind, String message, Integer grade) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", UUID.randomUUID().toString());
        data.put("buyerId", BUYER_ID);
        data.put("buyerName", "Globex Trading Ltd.");
        data.put("kind", kind);
        data.put("message", message);
        if (grade != null) {
            data.put("grade", grade);
        }
        data.put("blocked", "BUYER_BLOCKED".equals(kind));
        data.put("raisedAt", "2026-12-07T09:30Z");
        return json.valueToTree(data);
    }
}
