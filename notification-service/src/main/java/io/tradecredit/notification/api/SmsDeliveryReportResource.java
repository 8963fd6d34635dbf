package io.tradecredit.notification.api;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.notification.app.DeliveryReports;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.DeliveryReport;
import io.tradecredit.notification.domain.MessageStatus;

/**
 * The SMS provider's delivery reports (docs/notification-service.md, "SMS"). Called by the
 * provider, not by a user: no token, but the body signed with the shared report secret in
 * {@code Tradecredit-Signature} (as webhooks are signed), checked over the exact bytes received.
 */
@Path("/api/v1/sms/delivery-reports")
@PermitAll
public class SmsDeliveryReportResource {
    @Inject
    DeliveryReports reports;

    @Inject
    ObjectMapper json;

    /** The message after the report. */
    public record View(UUID requestId, ChannelType channel,
            @Schema(implementation = String.class, required = true, enumeration = {"QUEUED", "SENT", "DELIVERED", "FAILED", "UNKNOWN",
            "WITHDRAWN"}, description = "as published on notification-status; QUEUED until a hand-over is recorded") MessageStatus status,
            @Schema(description = "the provider's reason when it reports a failure") String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "An SMS provider reports an SMS delivered or failed",
            description = "Body {\"reference\":\"<requestId>\",\"status\":\"DELIVERED|FAILED\",\"reason\":\"...\"}; header"
                    + " Tradecredit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + \".\" + body> under the shared"
                    + " report secret, t within five minutes. A SENT or UNKNOWN SMS takes the reported status (event on"
                    + " notification-status); one still being handed over (its hand-over not recorded yet) keeps the report,"
                    + " applied when the hand-over is recorded (SENT, then the reported status, published in that order),"
                    + " and is answered QUEUED as last published; a settled one stays as it is.")
    @RequestBody(content = @Content(schema = @Schema(example = "{\"reference\":\"5f0c1c2e-3b1a-4c2d-9e8f-0a1b2c3d4e5f\",\"status\":\"DELIVERED\"}")))
    @APIResponse(responseCode = "200", description = "Recorded, kept until the hand-over is recorded, or already settled:"
            + " the message's status now")
    @APIResponse(responseCode = "400", description = "Not JSON, or reference or status wrong, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Not signed with the shared secret, or signed too long ago", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No SMS with that request id; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> report(@HeaderParam("Tradecredit-Signature") String signature, String body) {
        try {
            reports.verify(signature, body);
        } catch (DeliveryReports.NotSigned e) {
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, e.getMessage()));
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "must be a JSON object with reference and status");
        }
        DeliveryReport report = DeliveryReport.of(text(node, "reference"), text(node, "status"), text(node, "reason"));
        return reports.record(report).map(m -> new View(m.requestId(), m.channel(), m.status().shown(), m.failureReason()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
