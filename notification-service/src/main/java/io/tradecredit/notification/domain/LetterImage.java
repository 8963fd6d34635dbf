package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * An image a tenant prints on its letters: the letterhead logo, or the company seal (公章) set over
 * the signature of the letters that carry it. A PNG of at most the platform's size limit and of
 * sensible dimensions, read from its header (signature and IHDR chunk) without decoding it.
 */
public record LetterImage(Kind kind, byte[] png, int width, int height) {
    /** The 8 bytes every PNG file starts with. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Wider or taller than this is not a seal or a logo but a scan of something else. */
    public static final int MAX_SIDE = 4000;
    /** Signature, IHDR length and type, width, height. */
    static final int HEADER = 24;

    /** What the image is for. */
    public enum Kind {
        LOGO, SEAL;

        /** As the API's path names it: {@code logo}, {@code seal}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofTag(String tag) {
            for (Kind k : values()) {
                if (k.tag().equals(tag)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** The upload as a letter image, refused naming every fault of the {@code png}. */
    public static LetterImage of(Kind kind, byte[] bytes, int maxBytes) {
        List<Violation> wrong = new ArrayList<>();
        int length = bytes == null ? 0 : bytes.length;
        if (length > maxBytes) {
            wrong.add(new Violation("png", "must be at most " + maxBytes + " bytes, is " + length));
        }
        if (!isPng(bytes)) {
            wrong.add(new Violation("png", "must be a PNG image (image/png)"));
            throw DomainError.invalid("letter-image.invalid", "The " + kind.tag() + " is not a usable PNG", wrong);
        }
        int width = int32(bytes, 16);
        int height = int32(bytes, 20);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            wrong.add(new Violation("png", "must be between 1 and " + MAX_SIDE + " pixels wide and high, is "
                    + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height)));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("letter-image.invalid", "The " + kind.tag() + " is not a usable PNG", wrong);
        }
        return new LetterImage(kind, bytes, width, height);
    }

    /** A PNG signature followed by its IHDR chunk header (length 13). */
    static boolean isPng(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return int32(bytes, 8) == 13 && bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R';
    }

    /** The big-endian 32-bit number at {@code at}. */
    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
