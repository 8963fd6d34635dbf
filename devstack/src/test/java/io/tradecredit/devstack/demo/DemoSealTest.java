package io.tradecredit.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The demo's company seal is a PNG notification-service takes (docs/notification-service.md: signature and
 * IHDR read, at most 256 KiB, 1 to 4000 pixels a side, decodes): without a seal every finance department's
 * demand (+30 DPD) of the demo book failed, "carries the company seal and the tenant has uploaded none".
 */
class DemoSealTest {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void theSealIsAPngNotificationServiceTakesRedOnTransparent() throws Exception {
        byte[] png = DemoSeal.png();
        assertArrayEquals(SIGNATURE, Arrays.copyOf(png, 8));
        assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII));
        int width = ByteBuffer.wrap(png, 16, 4).getInt();
        int height = ByteBuffer.wrap(png, 20, 4).getInt();
        assertEquals(240, width);
        assertEquals(240, height);
        assertTrue(png.length <= 256 * 1024, png.length + " bytes");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(240, image.getWidth());
        assertEquals(0, image.getRGB(0, 0) >>> 24, "the corner is transparent");
        assertEquals(0xFFD01010, image.getRGB(120, 120), "the star's centre is the seal's red");
        assertEquals(0xFFD01010, image.getRGB(120, 12), "the outer ring is the seal's red");
    }
}
