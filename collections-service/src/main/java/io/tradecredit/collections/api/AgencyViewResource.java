package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.AgencyCaseFiles;
import io.tradecredit.collections.app.AgencyPlacements;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.AgencyUpdate;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.events.AgencyEvents.CaseFile;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A partner agency's own door (role {@code agency} with its {@code agency_code} claim): exactly the
 * cases of the token's tenant that are with that agency now, and the same updates it can send on
 * its topic, checked the same way. Any other case answers 404.
 */
@Path("/api/v1/agency/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY)
public class AgencyViewResource {
    @Inject
    TenantContext tenant;

    @Inject
    AgencyPlacements placements;

    @Inject
    AgencyCaseFiles files;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    Idempotency idempotency;

    /** The header of an answer that is an earlier one's (the chassis's replay says the same). */
    static final String REPLAYED = "Idempotent-Replayed";

    public record CaseSummary(UUID caseId, UUID placementId, UUID buyerId, LocalDate handedOn) {
        static CaseSummary of(AgencyPlacement p) {
            return new CaseSummary(p.caseId(), p.id(), p.buyerId(), p.handedOn());
        }
    }

    public record Update(@Schema(description = "CONTACT_MADE, PROMISE, PAYMENT_REPORTED, SETTLEMENT_PROPOSED, SETTLED,"
            + " LEGAL_ACTION_RECOMMENDED, UNCOLLECTIBLE or RETURNED") AgencyUpdate.Kind kind,
            @Schema(description = "the day the agency learnt it: not after today (business time zone) nor before the day the case was handed to the agency") LocalDate reportedOn,
            @Schema(description = "promised, reported paid, or proposed / agreed in settlement: more than zero, in a currency the"
                    + " agency collects (its contract on reportedOn) and one of the case's invoices") Amount amount,
            @Schema(description = "a promise's day: not before reportedOn, at most the tenant's maxPromiseDays (30 unless it set its own) after it") LocalDate promisedFor, String note) implements CheckableBody {
        /** The update, read about its case ({@code held}; null when not known yet). */
        AgencyUpdate toUpdate(LocalDate today, AgencyUpdate.Held held) {
            return AgencyUpdate.reported(kind, reportedOn, amount == null ? null : amount.amount(),
                    amount == null ? null : amount.currency(), promisedFor, note, today, held);
        }

        /** The rules' findings on the fields that could be read, named together with the unreadable ones. */
        @Override
        public List<Violation> violations() {
            return CheckableBody.violationsOf(() -> toUpdate(BodyRules.today(), null));
        }
    }

    /** An amount as the agency writes it; each part it cannot have read is named on its own (amount.amount, amount.currency). */
    public record Amount(@Schema(description = "a number at the currency's scale") String amount,
            @Schema(description = "ISO 4217 code in capitals") String currency) {
    }

    public record Accepted(UUID caseId, AgencyUpdate.Kind kind, CaseState caseState,
            @Schema(description = "true when the update ended the placement: the case is no longer with the agency") boolean placementEnded) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The agency's cases with this tenant now, oldest hand-off first, one page")
    @APIResponse(responseCode = "400", description = "A malformed page or size, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an agency token, or one without agency_code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<CaseSummary>> list(@QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size);
        return placements.currentWith(tenant.id(), agency()).map(all -> new Page<>(all.stream().skip((long) p * n).limit(n)
                .map(CaseSummary::of).toList(), p, n, all.size()));
    }

    @GET
    @Path("/{caseId}")
    @APIResponse(responseCode = "200", description = "The case file, as it stands now (the same shape as on agency.<code>.cases)")
    @APIResponse(responseCode = "404", description = "Not a case of this tenant with this agency now", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseFile> detail(@PathParam("caseId") UUID caseId) {
        String tenantId = tenant.id();
        return placements.placedWith(tenantId, agency(), caseId)
                .chain(p -> files.of(tenantId, p, null, businessZone.today()));
    }

    @POST
    @Path("/{caseId}/updates")
    @APIResponse(responseCode = "201", description = "Accepted: logged on the case, published, the case moved as the kind says"
            + " (a PROMISE holds the buyer's dunning until promisedFor plus the tenant's promise grace);"
            + " a retry with the same Idempotency-Key gets the same answer and changes nothing; the Idempotency-Key is the report's id,"
            + " the same as its ce_id when the agency also sends it on its topic: a report received there first answers as it did"
            + " there (header Idempotent-Replayed: true) and changes nothing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Every wrong field named (kind, reportedOn, amount, promisedFor, note; reportedOn after today or before the hand-off day;"
            + " promisedFor more than the tenant's maxPromiseDays (30 unless it set its own) after reportedOn;"
            + " amount.currency not one the agency collects under its contract on reportedOn or not one of the case's invoices); nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Not a case of this tenant with this agency now", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was given to another report (here with another body, or on the topic as"
            + " the ce_id of another report): agency-report.id-reused; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<Accepted>> report(@PathParam("caseId") UUID caseId, @NotNull Update u,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        LocalDate today = businessZone.today();
        String tenantId = tenant.id();
        String agency = agency();
        // the key is the agency's own: two agencies of one tenant never share a report
        return idempotency.once(tenantId, "agency-report:" + agency + ":" + caseId, idempotencyKey, u, Accepted.class,
                () -> placements.receive(tenantId, agency, caseId, idempotencyKey, held -> u.toUpdate(today, held), "rest")
                        .map(a -> answer(new Accepted(caseId, u.kind(), a.caseState(), a.placementEnded()), a.replayed())));
    }

    /** 201; the same report received before under its id (on the topic, or here) says so, as a retry's answer does. */
    private static RestResponse<Accepted> answer(Accepted accepted, boolean replayed) {
        var response = RestResponse.ResponseBuilder.<Accepted>create(RestResponse.Status.CREATED).entity(accepted);
        return (replayed ? response.header(REPLAYED, "true") : response).build();
    }

    private String agency() {
        return tenant.agencyCode().orElseThrow(() -> ProblemException.forbidden(
                "The access token carries no agency_code claim; the agency view needs one."));
    }
}
