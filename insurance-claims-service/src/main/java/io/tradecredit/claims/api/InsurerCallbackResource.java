package io.tradecredit.claims.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.api.LimitJson.DecisionBody;
import io.tradecredit.claims.api.LimitJson.DecisionView;
import io.tradecredit.claims.app.InsuredLimits;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.common.api.WholeBodyReading;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;

/**
 * The insurer's system posts its limit decisions here, without a token: the request is signed with
 * the policy's callback secret ({@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>},
 * docs/insurance-claims-service.md, "The insurer's callback"). The signature is checked on the raw
 * body before anything is read from it; a forged or stale one answers 401 and changes nothing.
 */
@Path("/api/v1/insurance/callbacks/policies/{id}/limit-decisions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "InsurerSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = InsurerCallbackResource.HEADER,
        description = "t=<unix seconds>,v1=<lower-case hex HMAC-SHA256 of t + \".\" + body under the policy's callback secret>")
public class InsurerCallbackResource {
    public static final String HEADER = "Insurer-Signature";

    @Inject
    InsuredLimits limits;

    @Inject
    ObjectMapper json;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "InsurerSignature")
    @APIResponse(responseCode = "201", description = "The decision, recorded and published (insured-limit-changed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "200", description = "A decision with this decisionId was recorded before: nothing changed, the first is answered")
    @APIResponse(responseCode = "409", description = "limit-decision.id-taken: another decision (naming the fields that differ) was"
            + " recorded under this decisionId; nothing changed")
    public Uni<RestResponse<DecisionView>> receive(@PathParam("id") UUID id, @HeaderParam(HEADER) String signature,
            String body) {
        return limits.signedFor(id, signature, body == null ? "" : body).chain(tenant -> {
            if (tenant.isEmpty()) {
                throw new ProblemException(Problem.of(Response.Status.UNAUTHORIZED, "The " + HEADER
                        + " header does not sign this body with the policy's callback secret within "
                        + InsuredLimits.SIGNATURE_TOLERANCE.toMinutes() + " minutes of now"));
            }
            return limits.decide(tenant.get(), id, read(body).toInput(), LimitDecision.Source.INSURER, "insurer")
                    .map(recorded -> RestResponse.status(recorded.repeat() ? RestResponse.Status.OK
                            : RestResponse.Status.CREATED, DecisionView.of(recorded.decision())));
        });
    }

    /**
     * The signed body as a decision, read as any request body is (chassis WholeBodyReading#readWhole): one 400 names
     * every value that cannot be read with every other field the decision's rules refuse (a CheckableBody), not the
     * first unreadable one alone; a property a decision does not have is named.
     */
    private DecisionBody read(String body) {
        try {
            return WholeBodyReading.readWhole(json, body.getBytes(StandardCharsets.UTF_8), DecisionBody.class);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalidField(e.getPropertyName(), "is not a field of a limit decision");
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
            throw ProblemException.invalidField(field == null ? "body" : field, "cannot be read: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.invalidField("body", "is not a JSON object");
        }
    }
}
