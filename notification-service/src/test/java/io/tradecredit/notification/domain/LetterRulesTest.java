package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class LetterRulesTest {
    /** A PNG's first 24 bytes: signature, IHDR length 13, "IHDR", width, height. */
    static byte[] pngHeader(int width, int height, int size) {
        byte[] b = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                'R'}, size);
        put(b, 16, width);
        put(b, 20, height);
        return b;
    }

    static void put(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static List<String> faults(Runnable r) {
        DomainError e = assertThrows(DomainError.class, r::run);
        assertTrue(e.violations().stream().allMatch(v -> v.field().equals("png")), e.violations().toString());
        return e.violations().stream().map(Violation::message).toList();
    }

    @Test
    void aSealOf300By300PixelsIsReadFromItsHeader() {
        byte[] png = pngHeader(300, 300, 1000);
        LetterImage seal = LetterImage.of(LetterImage.Kind.SEAL, png, 1000);
        assertEquals(300, seal.width());
        assertEquals(300, seal.height());
        assertArrayEquals(png, seal.png());
        assertEquals(LetterImage.Kind.SEAL, seal.kind());
        assertEquals(4000, LetterImage.of(LetterImage.Kind.LOGO, pngHeader(4000, 1, 24), 24).width());
        assertEquals(4000, LetterImage.of(LetterImage.Kind.LOGO, pngHeader(1, 4000, 24), 24).height());
        assertEquals(0x01020304, LetterImage.int32(new byte[] {1, 2, 3, 4}, 0));
        assertEquals(0xfffefdfc, LetterImage.int32(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0xfc}, 0));
    }

    @Test
    void aJpegOrAnEmptyBodyIsNotAPng() {
        byte[] jpeg = pngHeader(10, 10, 100);
        jpeg[0] = (byte) 0xff;
        assertEquals(List.of("must be a PNG image (image/png)"), faults(() -> LetterImage.of(LetterImage.Kind.SEAL, jpeg, 100)));
        assertEquals(List.of("must be a PNG image (image/png)"), faults(() -> LetterImage.of(LetterImage.Kind.SEAL, null, 100)));
        assertEquals(List.of("must be a PNG image (image/png)"),
                faults(() -> LetterImage.of(LetterImage.Kind.SEAL, Arrays.copyOf(pngHeader(10, 10, 24), 23), 100)));
        for (int i = 1; i < 16; i++) {
            byte[] broken = pngHeader(10, 10, 24);
            broken[i] ^= 0x40;
            assertFalse(LetterImage.isPng(broken), "byte " + i);
        }
        assertTrue(LetterImage.isPng(pngHeader(10, 10, 24)));
    }

    @Test
    void anImageTooLargeAndOfImpossibleSizeIsRefusedNamingBoth() {
        assertEquals(List.of("must be at most 100 bytes, is 101",
                "must be between 1 and 4000 pixels wide and high, is 4001x10"),
                faults(() -> LetterImage.of(LetterImage.Kind.LOGO, pngHeader(4001, 10, 101), 100)));
        assertEquals(List.of("must be between 1 and 4000 pixels wide and high, is 10x0"),
                faults(() -> LetterImage.of(LetterImage.Kind.LOGO, pngHeader(10, 0, 24), 100)));
        assertEquals(List.of("must be between 1 and 4000 pixels wide and high, is 0x10"),
                faults(() -> LetterImage.of(LetterImage.Kind.LOGO, pngHeader(0, 10, 24), 100)));
        assertEquals(List.of("must be between 1 and 4000 pixels wide and high, is 10x4001"),
                faults(() -> LetterImage.of(LetterImage.Kind.LOGO, pngHeader(10, 4001, 24), 100)));
        assertEquals(List.of("must be at most 23 bytes, is 24", "must be a PNG image (image/png)"),
                faults(() -> LetterImage.of(LetterImage.Kind.LOGO, new byte[24], 23)));
        assertEquals(1, LetterImage.of(LetterImage.Kind.LOGO, pngHeader(1, 1, 24), 24).height());
        DomainError e = assertThrows(DomainError.class, () -> LetterImage.of(LetterImage.Kind.SEAL, new byte[1], 10));
        assertTrue(e.getMessage().startsWith("The seal is not a usable PNG"), e.getMessage());
    }

    @Test
    void theKindsAreNamedInThePathInLowerCase() {
        assertEquals("seal", LetterImage.Kind.SEAL.tag());
        assertEquals(Optional.of(LetterImage.Kind.LOGO), LetterImage.Kind.ofTag("logo"));
        assertEquals(Optional.empty(), LetterImage.Kind.ofTag("SEAL"));
        assertEquals(Optional.empty(), LetterImage.Kind.ofTag("signature"));
    }

    static final String TEXT = "致：Globex & Sons <Ltd>\n收件人：李伟\n\n以下发票已逾期：\n- INV-1\n\n\n此致\n\n张三\nAcme 财务部\n";

    @Test
    void thePageIsA4WithTheLetterheadTheParagraphsAndTheSignatureBlockLast() {
        String page = LetterPage.xhtml(Language.ZH_CN, "Acme Trading Co., Ltd.\n上海市南京路1号", TEXT,
                new LetterPage.Layout(false, false));
        assertTrue(page.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
                + " lang=\"zh-CN\">"), page);
        assertTrue(page.contains("@page { size: A4;"), page);
        assertTrue(page.contains("<div class=\"letterhead\"><div class=\"sender\">Acme Trading Co., Ltd.<br/>上海市南京路1号</div></div>"
                + "<p>致：Globex &amp; Sons &lt;Ltd&gt;<br/>收件人：李伟</p><p>以下发票已逾期：<br/>- INV-1</p><p>此致</p>"
                + "<div class=\"signature\"><p>张三<br/>Acme 财务部</p></div></body></html>"), page);
        assertTrue(page.contains(".signature { position: relative; margin: 8mm 0 0 50%; page-break-inside: avoid; }"), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("body { font-family: 'Arimo', 'Droid Sans Fallback';"), page);
    }

    @Test
    void theSealIsSetInTheSignatureBlockAndTheLogoInTheLetterhead() {
        String page = LetterPage.xhtml(Language.ZH_CN, "", TEXT, new LetterPage.Layout(true, true));
        assertTrue(page.contains("<div class=\"letterhead\"><img class=\"logo\" src=\"letter-image:logo\" alt=\"logo\"/>"
                + "<div class=\"sender\"></div></div>"), page);
        assertTrue(page.contains("<div class=\"signature sealed\"><p>张三<br/>Acme 财务部</p><img class=\"seal\""
                + " src=\"letter-image:seal\" alt=\"seal\"/></div>"), page);
        // the room the seal needs is an inline block, which moves to the next page whole (LetterPdfTest)
        assertTrue(page.contains(".sealed { display: inline-block; width: 50%; min-height: 42mm; }"), page);
        assertTrue(page.contains(".seal { position: absolute;"), page);
    }

    @Test
    void withoutLetterheadOrLogoThereIsNoHeaderAndAnEmptyTextHasNoSignature() {
        String page = LetterPage.xhtml(Language.EN, null, "Dear Anna,\n\nYours,\nZhang San", new LetterPage.Layout(false, false));
        assertFalse(page.contains("class=\"letterhead\""), page);
        assertTrue(page.contains("<body><p>Dear Anna,</p><div class=\"signature\"><p>Yours,<br/>Zhang San</p></div>"), page);
        assertFalse(LetterPage.xhtml(Language.EN, "  ", " \n ", new LetterPage.Layout(false, true)).contains("signature\">"));
        assertEquals(List.of("a", "b"), LetterPage.paragraphs("\n a \n \t\n b\n\n"));
    }

    @Test
    void pagesAreNumberedInTheLettersLanguage() {
        assertEquals("\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"", LetterPage.pageNumbers(Language.ZH_CN));
        assertEquals("\"Page \" counter(page) \" of \" counter(pages)", LetterPage.pageNumbers(Language.EN));
        assertTrue(LetterPage.xhtml(Language.EN, "", "x", new LetterPage.Layout(false, false))
                .contains("@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages);"));
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot;", LetterPage.escape("a & b <c> \"d\""));
    }

    @Test
    void theProofOfAnEmailWithALetterCoversThePdf() {
        RenderedMessage m = new RenderedMessage("S", "T", "H");
        assertEquals(Proof.sha256("S\n\nT\n\nH\n\nletter-1.pdf abc"), Proof.withAttachment(m, "letter-1.pdf", "abc"));
        assertEquals(Proof.sha256("abc"), Proof.sha256("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Proof.sha256(new byte[] {'a', 'b', 'c'}));
    }

    @Test
    void aLetterMadeForWhereAMessageNoLongerGoesSaysItWasNeverSentAndIsMadeAnew() {
        assertEquals("its letter made before (SHA-256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)"
                + " was never sent and is made anew",
                LetterDocument.madeAnew("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
