package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LetterPage;

/** The shipped fonts are parsed once, not per letter, and a parsed font serves one render at a time. */
class ShippedFontsTest {
    static final String PAGE = LetterPage.xhtml(Language.ZH_CN, "艾克美贸易有限公司 Acme Trading Co., Ltd.",
            LetterPdfTest.longText(3), new LetterPage.Layout(false, true));

    @Test
    void lettersOneAfterTheOtherShareOneParsedPairAndEachEmbedsItsOwnSubset() {
        ShippedFonts fonts = new ShippedFonts(2);
        byte[] first = LetterPdf.render(fonts, PAGE, null, Pdfs.sealPng(300));
        byte[] second = LetterPdf.render(fonts, PAGE, null, Pdfs.sealPng(300));
        byte[] english = LetterPdf.render(fonts, LetterPage.xhtml(Language.EN, "Acme", "Dear Sir\n\nZhang San",
                new LetterPage.Layout(false, false)), null, null);

        assertEquals(1, fonts.parsed(), "parsed once for the three letters");
        for (byte[] pdf : List.of(first, second)) {
            Pdfs.Read read = Pdfs.read(pdf);
            assertTrue(read.text().contains("发票号 INV-3") && read.text().contains("Acme Trading Co., Ltd."), read.text());
            assertTrue(read.allFontsEmbedded());
            assertTrue(read.fonts().stream().anyMatch(f -> f.contains("DroidSansFallback")), read.fonts().toString());
            assertEquals(List.of(300), read.imageWidths());
        }
        // a font is embedded only where the page uses it, as when each letter parsed its own
        Pdfs.Read read = Pdfs.read(english);
        assertTrue(read.fonts().stream().allMatch(f -> f.contains("Arimo")), read.fonts().toString());
        assertTrue(read.text().contains("Dear Sir"), read.text());
    }

    @Test
    void rendersAtOnceAreBoundedAndEachHasAPairOfItsOwn() throws Exception {
        ShippedFonts fonts = new ShippedFonts(2);
        ExecutorService workers = Executors.newFixedThreadPool(5);
        try {
            List<Future<byte[]>> made = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int side = 200 + 20 * i;
                made.add(workers.submit(() -> LetterPdf.render(fonts, PAGE, null, Pdfs.sealPng(side))));
            }
            for (int i = 0; i < made.size(); i++) {
                Pdfs.Read read = Pdfs.read(made.get(i).get());
                assertTrue(read.text().contains("环球贸易有限公司") && read.text().contains("第 1 页 / 共 1 页"), read.text());
                assertEquals(List.of(200 + 20 * i), read.imageWidths(), "each letter its own seal");
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(2, fonts.parsed(), "five renders asked at once, two run, two pairs ever parsed");
    }
}
