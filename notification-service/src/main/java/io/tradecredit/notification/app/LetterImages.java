package io.tradecredit.notification.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.LetterImage;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.notification.persistence.LetterRepository;

/** A tenant's letter images (logo, company seal): uploaded, checked, read and removed. */
@ApplicationScoped
public class LetterImages {
    @Inject
    LetterRepository letters;

    @Inject
    Clock clock;

    /** The largest image accepted: a seal or a logo is a small graphic, not a scan. */
    @ConfigProperty(name = "tradecredit.notification.letter.image-max-bytes", defaultValue = "262144")
    int maxBytes;

    /** An image as shown: what it is, its size, its SHA-256, when it was uploaded. */
    public record Shown(LetterImage.Kind kind, int width, int height, int bytes, String sha256, Instant uploadedAt) {
        static Shown of(LetterRepository.StoredImage s) {
            return new Shown(s.image().kind(), s.image().width(), s.image().height(), s.image().png().length, s.sha256(),
                    s.uploadedAt());
        }
    }

    /** Checks the upload (every fault of the image named, nothing changed) and stores it in place of the last. */
    public Uni<Shown> upload(String tenantId, LetterImage.Kind kind, byte[] png, String by) {
        LetterImage image = LetterImage.of(kind, png, maxBytes);
        decodable(image);
        Instant at = clock.instant();
        String sha256 = Proof.sha256(png);
        return CurrentTransaction.run(() -> letters.saveImage(tenantId, image, sha256, at, by))
                .replaceWith(Shown.of(new LetterRepository.StoredImage(image, sha256, at)));
    }

    /** A stored image's PNG and its SHA-256. */
    public record Png(byte[] bytes, String sha256) {
    }

    public Uni<Optional<Png>> of(String tenantId, LetterImage.Kind kind) {
        return CurrentTransaction.run(() -> letters.image(tenantId, kind))
                .map(found -> found.map(s -> new Png(s.image().png(), s.sha256())));
    }

    public Uni<Boolean> remove(String tenantId, LetterImage.Kind kind) {
        return CurrentTransaction.run(() -> letters.deleteImage(tenantId, kind));
    }

    /** A PNG header on a broken body would fail the PDF later: the whole image must decode now. */
    private static void decodable(LetterImage image) {
        boolean ok;
        try {
            ok = ImageIO.read(new ByteArrayInputStream(image.png())) != null;
        } catch (IOException | RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw DomainError.invalid("letter-image.invalid", "The " + image.kind().tag() + " is not a usable PNG",
                    List.of(new Violation("png", "must be a complete PNG image: it cannot be decoded")));
        }
    }
}
