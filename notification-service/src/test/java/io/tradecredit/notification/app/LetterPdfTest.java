package io.tradecredit.notification.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LetterPage;

/** The PDF of a page, read back with PDFBox: A4, the shipped font embedded, page numbers, the seal drawn. */
class LetterPdfTest {
    static String longText(int invoices) {
        StringBuilder t = new StringBuilder("致：环球贸易有限公司\n\n以下发票已逾期：\n\n");
        for (int i = 1; i <= invoices; i++) {
            t.append("- 发票号 INV-").append(i).append("，逾期 30 天：12500.00 CNY\n");
        }
        return t.append("\n此致\n\n张三\n艾克美贸易有限公司 财务部\n").toString();
    }

    @Test
    void aTwoPageChineseLetterIsA4WithTheShippedFontPageNumbersAndTheSealOnItsLastPage() {
        byte[] pdf = LetterPdf.render(LetterPage.xhtml(Language.ZH_CN, "艾克美贸易有限公司\n税号 91310000MA1FL0001X",
                longText(60), new LetterPage.Layout(false, true)), null, Pdfs.sealPng(300));
        Pdfs.Read read = Pdfs.read(pdf);

        assertEquals(2, read.pages(), read.text());
        read.mediaBoxes().forEach(box -> {
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1f);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1f);
        });
        assertTrue(read.text().contains("环球贸易有限公司"), read.text());
        assertTrue(read.text().contains("发票号 INV-60"), read.text());
        assertTrue(read.text().contains("第 1 页 / 共 2 页"), read.text());
        assertTrue(read.text().contains("第 2 页 / 共 2 页"), read.text());
        assertTrue(read.fonts().stream().anyMatch(f -> f.contains("DroidSansFallback")), read.fonts().toString());
        assertTrue(read.fonts().stream().allMatch(f -> f.contains("DroidSansFallback") || f.contains("Arimo")),
                read.fonts().toString());
        assertTrue(read.allFontsEmbedded());
        assertEquals(java.util.List.of(0, 1), read.imagesPerPage(), "the seal on the last page only");
    }

    @Test
    void noLetterEndsOnAPageThatHoldsNothingButItsPageNumber() {
        // the demo book's payment request printed its last line at the foot of page 1 and a second page with only
        // "第 2 页 / 共 2 页": a letter of every length up to two pages, with and without the seal
        for (boolean seal : new boolean[] {false, true}) {
            for (int invoices = 1; invoices <= 48; invoices++) {
                byte[] pdf = LetterPdf.render(LetterPage.xhtml(Language.ZH_CN, "艾克美贸易有限公司\n上海市浦东新区港湾路1号",
                        longText(invoices), new LetterPage.Layout(false, seal)), null, seal ? Pdfs.sealPng(300) : null);
                java.util.List<String> pages = Pdfs.pageTexts(pdf);
                for (int p = 0; p < pages.size(); p++) {
                    String body = pages.get(p).replaceAll("第 \\d+ 页 / 共 \\d+ 页", "").strip();
                    assertTrue(!body.isEmpty(), invoices + " invoices, seal " + seal + ": page " + (p + 1) + " of "
                            + pages.size() + " is blank");
                }
                assertTrue(pages.get(pages.size() - 1).contains("艾克美贸易有限公司 财务部"),
                        invoices + " invoices, seal " + seal + ": the signature on the last page");
            }
        }
    }

    @Test
    void anEnglishLetterWithoutSealOrLogoDrawsNoImageAndCountsItsPages() {
        Pdfs.Read read = Pdfs.read(LetterPdf.render(LetterPage.xhtml(Language.EN, "Acme Trading Co., Ltd.",
                "To: Globex Trading Ltd.\n\nYours faithfully,\n\nZhang San", new LetterPage.Layout(false, false)), null, null));
        assertEquals(1, read.pages());
        assertTrue(read.text().contains("Page 1 of 1"), read.text());
        assertTrue(read.text().contains("Acme Trading Co., Ltd."), read.text());
        assertEquals(java.util.List.of(0), read.imagesPerPage());
        assertTrue(read.fonts().stream().allMatch(f -> f.contains("Arimo")), read.fonts().toString());
        assertTrue(read.allFontsEmbedded());
    }

    @Test
    void aSealIsMadeIntoItsPageOnceAndEveryLetterPrintsItWithTheLogo() {
        byte[] seal = Pdfs.sealPng(257); // a side no other test uses: this image is new to the service's pages
        byte[] logo = Pdfs.sealPng(121);
        int before = LetterPdf.IMAGES.made();
        String page = LetterPage.xhtml(Language.ZH_CN, "艾克美贸易有限公司", "致：环球贸易有限公司\n\n此致",
                new LetterPage.Layout(true, true));
        for (int letter = 0; letter < 3; letter++) {
            Pdfs.Read read = Pdfs.read(LetterPdf.render(page, logo, seal));
            assertEquals(java.util.List.of(2), read.imagesPerPage(), "the logo and the seal on the page");
            assertEquals(java.util.List.of(121, 257), read.imageWidths().stream().sorted().toList(),
                    "each image as uploaded, pixel for pixel");
            assertTrue(read.text().contains("环球贸易有限公司"), read.text());
        }
        assertEquals(before + 2, LetterPdf.IMAGES.made(), "the seal and the logo made into pages once, for three letters");
    }
}
