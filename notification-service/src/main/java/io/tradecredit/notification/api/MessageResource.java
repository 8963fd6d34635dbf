package io.tradecredit.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.Letters;
import io.tradecredit.notification.app.Messages;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.LetterDate;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;

/** The record of each requested message: where it stands, what it said and the proof of it. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class MessageResource {
    @Inject
    TenantContext tenant;

    @Inject
    Messages messages;

    @Inject
    Letters letters;

    public record Attempt(int attempt, Instant at, @Schema(description = "SENT, RETRY, FALLBACK (failed for good, went on by the next channel), FAILED, UNKNOWN"
            + " (the hand-over may have reached the channel: not sent again) or WITHDRAWN") String outcome,
            String detail) {
    }

    public record View(UUID requestId, String purpose, String templateKey, UUID buyerId,
            @Schema(implementation = String.class, required = true, enumeration = {"QUEUED", "SENT", "DELIVERED", "FAILED", "UNKNOWN",
            "WITHDRAWN"}, description = "as published on notification-status; QUEUED until a hand-over is recorded") MessageStatus status,
            ChannelType channel, @Schema(description = "the email address, mobile or postal address used") String address,
            String language, @Schema(description = "why it failed or is unknown (e.g. an SMS longer than"
                    + " the tenant's smsMaxParts: \"the SMS would be 4 parts (460 GSM-7 characters, 153 a part), more than the"
                    + " tenant's limit of 3 (smsMaxParts)\"), or the requester's reason for withdrawing it") String reason, int attempts,
            @Schema(description = "not before this instant (send window, retry)") Instant nextAttemptAt,
            Instant requestedAt, Instant sentAt, String subject,
            @Schema(description = "what was handed over once SENT, or UNKNOWN after an unclear hand-over (an email or SMS"
                    + " dated the day it went out); until then, and UNKNOWN after a crash, as at intake") String text,
            String html,
            @Schema(description = "SHA-256 (hex) of subject, blank line, text, blank line, html as handed over") String sha256,
            List<Attempt> attemptLog) {
        static View of(Message m, List<Attempt> log) {
            var body = m.rendered();
            return new View(m.requestId(), m.request().purpose(), m.request().templateKey(), m.request().buyerId(),
                    m.status().shown(), m.channel(), m.address(), m.language() == null ? null : m.language().tag(),
                    m.failureReason(), m.attempts(), m.nextAttemptAt(), m.requestedAt(), m.sentAt(),
                    // as at intake until handed over: a letter's date and deadline are those of the day its PDF is made
                    // (the content), an email's or SMS's those of the day it goes out (then recorded as handed over, once
                    // SENT or UNKNOWN after an unclear hand-over)
                    body == null ? null : LetterDate.asAtIntake(body.subject()), body == null ? null : LetterDate.asAtIntake(body.text()),
                    body == null ? null : LetterDate.asAtIntake(body.html()), m.sha256(), log);
        }
    }

    @GET
    @Path("/{requestId}")
    @APIResponse(responseCode = "200", description = "The message's record, content, proof and attempts")
    @APIResponse(responseCode = "404", description = "No such message for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> get(@PathParam("requestId") UUID requestId) {
        return messages.get(tenant.id(), requestId).map(r -> View.of(r.message(), r.attempts().stream()
                .map(a -> new Attempt(a.attempt(), a.at(), a.outcome(), a.detail())).toList()));
    }

    @GET
    @Path("/{requestId}/content")
    @Produces({Letters.PDF, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The PDF sent: a letter's, or the letter an email carried;"
            + " header Tradecredit-Sha256 is its SHA-256", content = @Content(mediaType = Letters.PDF))
    @APIResponse(responseCode = "404", description = "No such message for this tenant, or no PDF made for it (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> content(@PathParam("requestId") UUID requestId) {
        return letters.stored(tenant.id(), requestId).map(found -> {
            var pdf = found.orElseThrow(() -> io.tradecredit.common.domain.DomainError.notFound("message.no-document",
                    "Message " + requestId + " has no PDF: not a letter, or not sent yet"));
            return Response.ok(pdf.content(), pdf.mediaType()).header("Tradecredit-Sha256", pdf.sha256())
                    .header("Content-Disposition", "attachment; filename=\"" + pdf.filename() + "\"").build();
        });
    }

    @GET
    @APIResponse(responseCode = "200", description = "The buyer's messages, newest first, one page")
    @APIResponse(responseCode = "400", description = "No buyerId or a malformed query parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<View>> ofBuyer(@QueryParam("buyerId") @Schema(required = true, format = "uuid") String buyerId,
            @QueryParam("page") @Schema(minimum = "0") Integer page,
            @QueryParam("size") @Schema(minimum = "1", maximum = "" + Page.MAX_SIZE) Integer size) {
        // every wrong parameter in one answer (bean constraints on page and size answered before the buyer id was read)
        List<io.tradecredit.common.domain.Violation> wrong = new java.util.ArrayList<>();
        UUID buyer = null;
        if (buyerId == null || buyerId.isBlank()) {
            wrong.add(new io.tradecredit.common.domain.Violation("buyerId", "must be given"));
        } else {
            try {
                buyer = QueryParams.uuid(buyerId, "buyerId");
            } catch (io.tradecredit.common.errors.ProblemException e) {
                wrong.add(new io.tradecredit.common.domain.Violation("buyerId", "must be a UUID, got '" + buyerId + "'"));
            }
        }
        if (page != null && page < 0) {
            wrong.add(new io.tradecredit.common.domain.Violation("page", "must be 0 or more"));
        }
        if (size != null && (size < 1 || size > Page.MAX_SIZE)) {
            wrong.add(new io.tradecredit.common.domain.Violation("size", "must be from 1 to " + Page.MAX_SIZE));
        }
        if (!wrong.isEmpty()) {
            throw io.tradecredit.common.domain.DomainError.invalid("messages.query-invalid", "The query of a buyer's messages"
                    + " is incomplete or malformed: " + String.join(", ", wrong.stream()
                            .map(io.tradecredit.common.domain.Violation::field).toList()), wrong);
        }
        return messages.ofBuyer(tenant.id(), buyer, QueryParams.page(page), QueryParams.size(size))
                .map(p -> new Page<>(p.items().stream().map(m -> View.of(m, List.of())).toList(), p.page(), p.size(),
                        p.total()));
    }
}
