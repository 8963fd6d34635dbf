package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LetterDate;
import io.tradecredit.notification.domain.LetterImage;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.domain.LetterPage;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.notification.domain.SealedTemplates;
import io.tradecredit.notification.persistence.LetterRepository;
import io.tradecredit.notification.persistence.SealedTemplatesRepository;
import io.vertx.mutiny.core.Vertx;

/**
 * Letters: the page of a letter, fixed at intake (letterhead, text, logo, and the company seal on
 * the templates that carry it), and its PDF, made once at the first hand-over and kept with the
 * message as what was sent (a LETTER's content, or the attachment of an email that carries the
 * letter).
 */
@ApplicationScoped
public class Letters {
    public static final String PDF = "application/pdf";

    @Inject
    LetterRepository letters;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @Inject
    SealedTemplatesRepository sealed;

    @Inject
    io.tradecredit.notification.persistence.SettingsRepository settings;

    /**
     * The letters the company seal is set on for a tenant that has not chosen its own: the finance
     * department's demand (docs/domain.md §3).
     */
    @ConfigProperty(name = "tradecredit.notification.letter.sealed-templates", defaultValue = "dunning.finance-demand")
    List<String> sealedTemplates;

    /** The templates whose letters carry the tenant's seal: its own choice, else the platform's. */
    public Uni<SealedTemplates> sealedTemplates(String tenantId) {
        return CurrentTransaction.run(() -> sealed.find(tenantId)).map(own -> own.map(SealedTemplates::chosen)
                .orElseGet(() -> SealedTemplates.platform(sealedTemplates)));
    }

    /** The tenant chooses which templates' letters carry its seal (letters made from now on). */
    public Uni<SealedTemplates> chooseSealed(String tenantId, List<String> keys, String by) {
        SealedTemplates chosen = SealedTemplates.chosen(keys);
        return CurrentTransaction.run(() -> sealed.save(tenantId, chosen.templateKeys().stream().sorted().toList(),
                OffsetDateTime.now(clock), by)).replaceWith(chosen);
    }

    /**
     * The page of a letter rendered from template {@code templateKey}, in the current transaction.
     * Whether it carries the seal is the tenant's choice ({@link #sealedTemplates}). A letter that carries the seal of a tenant that has uploaded none cannot be made: it fails
     * like a template lacking a value, never goes out without its seal.
     */
    public Uni<String> page(String tenantId, String templateKey, Language language, String letterhead, String text) {
        return sealed.find(tenantId).chain(own -> letters.kinds(tenantId).map(kinds -> {
            boolean sealed = own.map(SealedTemplates::chosen).orElseGet(() -> SealedTemplates.platform(sealedTemplates))
                    .seals(templateKey);
            if (sealed && !kinds.contains(LetterImage.Kind.SEAL)) {
                throw new Templates.RenderingFailed("letter " + templateKey + " carries the company seal and the tenant"
                        + " has uploaded none (PUT /api/v1/letter-images/seal)");
            }
            return LetterPage.xhtml(language, letterhead, text,
                    new LetterPage.Layout(kinds.contains(LetterImage.Kind.LOGO), sealed));
        }));
    }

    /** Keeps {@code xhtml} as the letter the email {@code requestId} carries. In the current transaction. */
    public Uni<Void> attach(UUID requestId, String xhtml) {
        return letters.attachLetter(requestId, xhtml);
    }

    /**
     * The message's PDF: the one made at an earlier hand-over, else made now from the page fixed at
     * intake and stored. Empty for a message without a letter (an email carrying none).
     */
    public Uni<Optional<LetterDocument>> documentOf(String tenantId, UUID requestId) {
        return documentOf(tenantId, requestId, clock.instant());
    }

    /**
     * {@link #documentOf(String, UUID)}, a PDF made now dated the day of {@code at} (the hand-over's instant) in the
     * contact's time zone, its payment deadline moved with it ({@link LetterDate}): a letter queued for business
     * hours or a print batch and made days after its intake is dated the day it is made.
     */
    public Uni<Optional<LetterDocument>> documentOf(String tenantId, UUID requestId, java.time.Instant at) {
        return CurrentTransaction.run(() -> letters.letter(requestId)).chain(letter -> letter.isEmpty()
                ? Uni.createFrom().item(Optional.<LetterDocument>empty())
                : letter.get().pdf().isPresent() ? Uni.createFrom().item(letter.get().pdf())
                : make(requestId, letter.get().source(), at).map(Optional::of));
    }

    /**
     * The letter an email carries, handed over at {@code at}: the PDF made at an earlier hand-over if it says what a
     * letter made at {@code at} would (its date, deadline and days overdue), else made anew and stored in its place, so
     * the email and its letter carry the same date. The earlier one was never sent: the email that carried it failed
     * (an email that may have gone out is UNKNOWN, never handed over again). Before, an email whose first attempt failed
     * at 23:59 and was retried after midnight said the new day while its letter, kept from the failed attempt, said the
     * day before, its deadline a day nearer.
     */
    public Uni<Optional<LetterDocument>> attachedTo(String tenantId, UUID requestId, java.time.Instant at) {
        return CurrentTransaction.run(() -> letters.letter(requestId)).chain(letter -> {
            if (letter.isEmpty()) {
                return Uni.createFrom().item(Optional.<LetterDocument>empty());
            }
            LetterRepository.Letter l = letter.get();
            if (l.pdf().isEmpty()) {
                return make(requestId, l.source(), at).map(Optional::of);
            }
            return window(l.source().tenantId()).chain(w -> {
                String now = LetterDate.madeOn(l.source().xhtml(), at, w::works);
                if (l.madeAt() == null || now.equals(LetterDate.madeOn(l.source().xhtml(), l.madeAt(), w::works))) {
                    return Uni.createFrom().item(l.pdf());
                }
                return render(requestId, l.source(), now).chain(doc -> CurrentTransaction.run(() -> letters
                        .replaceDocument(requestId, l.pdf().get().sha256(), doc, at)
                        .chain(replaced -> replaced ? Uni.createFrom().item(doc)
                                : letters.document(l.source().tenantId(), requestId).map(Optional::orElseThrow))))
                        .map(Optional::of);
            });
        });
    }

    /** The tenant's working days (its calendar as shared, its send window's weekdays), for a moved deadline. */
    private Uni<SendWindow> window(String tenantId) {
        return CurrentTransaction.run(() -> settings.find(tenantId))
                .map(s -> s.orElse(NotificationSettings.DEFAULT).sendWindow());
    }

    /** The stored PDF of a message of the tenant, for download. */
    public Uni<Optional<LetterDocument>> stored(String tenantId, UUID requestId) {
        return CurrentTransaction.run(() -> letters.document(tenantId, requestId));
    }

    private Uni<LetterDocument> make(UUID requestId, LetterRepository.Source source, java.time.Instant at) {
        // the tenant's working days (its calendar as shared, its send window's weekdays) for a moved deadline
        return window(source.tenantId()).chain(w -> make(requestId, source, LetterDate.madeOn(source.xhtml(), at, w::works), at));
    }

    /** The PDF of {@code xhtml} (dated), not stored. */
    private Uni<LetterDocument> render(UUID requestId, LetterRepository.Source source, String xhtml) {
        return CurrentTransaction.run(() -> letters.image(source.tenantId(), LetterImage.Kind.LOGO)
                .chain(logo -> letters.image(source.tenantId(), LetterImage.Kind.SEAL).map(seal -> {
                    if (xhtml.contains(LetterPage.SEAL_SRC) && seal.isEmpty()) {
                        throw new Channel.Refused("the letter carries the company seal and the tenant has removed it");
                    }
                    return new byte[][] {logo.map(i -> i.image().png()).orElse(null), seal.map(i -> i.image().png()).orElse(null)};
                })))
                // CPU-bound for a few hundred milliseconds: on a worker thread, unordered, back on this context after
                .chain(images -> vertx.executeBlocking(() -> LetterPdf.render(xhtml, images[0], images[1]), false))
                .map(pdf -> new LetterDocument("letter-" + requestId + ".pdf", PDF, pdf, Proof.sha256(pdf)));
    }

    /** The PDF of {@code xhtml}, dated at {@code at}, stored with that instant (the day it says). */
    private Uni<LetterDocument> make(UUID requestId, LetterRepository.Source source, String xhtml, java.time.Instant at) {
        return render(requestId, source, xhtml).chain(doc ->
                // the stored PDF is what is sent: this one when it was stored, else the one stored before it
                CurrentTransaction.run(() -> letters.saveDocument(requestId, source.tenantId(), doc, at)
                        .chain(stored -> stored ? Uni.createFrom().item(doc)
                                : letters.document(source.tenantId(), requestId).map(Optional::orElseThrow))));
    }
}
