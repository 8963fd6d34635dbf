package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.TemplateText;

/** A template version is parsed once for all its messages, and a new version is what renders. */
class ParsedTemplatesTest {
    final ParsedTemplates parsed = new ParsedTemplates(Engine.builder().addDefaults().build());

    static TemplateText version(int v, String body) {
        return new TemplateText("dunning.friendly-reminder", ChannelType.EMAIL, Language.EN, v, "Invoice {no}", body);
    }

    static String render(ParsedTemplates.Parsed p) {
        return p.subject().data(Map.of("no", "INV-1")).render() + " / " + p.body().data(Map.of("no", "INV-1")).render();
    }

    @Test
    void theMessagesOfOneVersionShareOneParse() {
        ParsedTemplates.Parsed first = parsed.of("acme", version(1, "Please pay {no}."));
        assertSame(first, parsed.of("acme", version(1, "Please pay {no}.")));
        assertEquals("Invoice INV-1 / Please pay INV-1.", render(first));
        assertEquals(1, parsed.size());
    }

    @Test
    void aTemplateWithoutSubjectHasNoneParsed() {
        TemplateText letter = new TemplateText("dunning.finance-demand", ChannelType.LETTER, Language.ZH_CN, 0, "", "尊敬的{name}");
        ParsedTemplates.Parsed p = parsed.of("acme", letter);
        assertNull(p.subject());
        assertEquals("尊敬的李伟", p.body().data(Map.of("name", "李伟")).render());
    }

    @Test
    void anAddedVersionRendersItsTextAndOnlyThatTenantsOlderParseOfThatTemplateIsDropped() {
        parsed.of("acme", version(1, "Please pay {no}."));
        parsed.of("globex", version(1, "Please pay {no}."));
        parsed.of("acme", new TemplateText("dunning.friendly-reminder", ChannelType.SMS, Language.EN, 1, "", "Pay {no}"));
        parsed.of("acme", new TemplateText("dunning.friendly-reminder", ChannelType.EMAIL, Language.ZH_CN, 1, "", "请付款"));
        parsed.of("acme", new TemplateText("dunning.formal-demand", ChannelType.EMAIL, Language.EN, 1, "", "Formal"));

        parsed.versionAdded("acme", "dunning.friendly-reminder", ChannelType.EMAIL, Language.EN);

        assertEquals(4, parsed.size(), "globex's, acme's SMS, Chinese and other template's parses stay");
        assertEquals("Invoice INV-1 / Kindly settle INV-1.", render(parsed.of("acme", version(2, "Kindly settle {no}."))));
    }

    @Test
    void theSameVersionNumberWithAnotherTextIsNotServedTheOldParse() {
        parsed.of("acme", version(1, "Please pay {no}."));
        // the tenant's templates stored again (a database set up anew) numbers its first version 1 again
        assertEquals("Invoice INV-1 / Pay now: INV-1 is due.",
                render(parsed.of("acme", version(1, "Pay now: {no} is due."))));
    }

    @Test
    void pastTheLimitTheParsesAreDroppedAndParsedAgainWhenUsed() {
        for (int v = 1; v <= ParsedTemplates.MOST; v++) {
            parsed.of("acme", version(v, "v" + v));
        }
        assertEquals(ParsedTemplates.MOST, parsed.size());
        parsed.of("acme", version(ParsedTemplates.MOST + 1, "newest"));
        assertEquals(1, parsed.size());
    }
}
