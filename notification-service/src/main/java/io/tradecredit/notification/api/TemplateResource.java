package io.tradecredit.notification.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.Templates;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.TemplateText;

/** A tenant's own templates (each change a new version) and the preview of any template. */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class TemplateResource {
    @Inject
    TenantContext tenant;

    @Inject
    Templates templates;

    public record Request(@Schema(description = "e.g. dunning.formal-demand") String templateKey, ChannelType channel,
            @Schema(description = "zh-CN or en") String language,
            @Schema(description = "Qute text; required for EMAIL") String subject,
            @Schema(description = "Qute text: the request's data, contact, sender and letterDate (docs/notification-service.md,"
                    + " Templates). Each of invoices[] (and its instalment) with a daysOverdue also has daysOverdueText, the"
                    + " count with its noun in the message's language, counted the day the message goes out: write"
                    + " {inv.daysOverdueText} overdue (\"1 day overdue\", \"3 days overdue\") or 已逾期 {inv.daysOverdueText}"
                    + " (\"已逾期 1 天\"), not {inv.daysOverdue} days, which reads \"1 days\". An SMS template listing invoices may"
                    + " print invoicesNotListed (count, total: a list of {amount, currency}): beyond the tenant's smsMaxParts the"
                    + " SMS then lists the first invoices that fit and says how many more; without it such an SMS is not sent")
            String body)
            implements CheckableBody {
        TemplateText text() {
            return TemplateText.tenantVersion(templateKey, channel, language, 0, subject, body);
        }

        /** The rules' findings, asked for when a field could not be read (a channel "FAX"), so one answer names all. */
        @Override
        public List<Violation> violations() {
            return CheckableBody.violationsOf(this::text);
        }
    }

    public record View(String templateKey, ChannelType channel, String language, int version, String subject,
            String body) {
        static View of(TemplateText t) {
            return new View(t.key(), t.channel(), t.language().tag(), t.version(), t.subject(), t.body());
        }
    }

    public record PreviewRequest(String templateKey, ChannelType channel,
            @Schema(description = "the data a request would carry") ObjectNode data) implements CheckableBody {
        /** Each of template key, channel and data that is missing or malformed. */
        @Override
        public List<Violation> violations() {
            List<Violation> missing = new ArrayList<>();
            if (templateKey == null || !TemplateText.KEY.matcher(templateKey).matches()) {
                missing.add(new Violation("templateKey", "must be a key such as dunning.formal-demand"));
            }
            if (channel == null) {
                missing.add(new Violation("channel", "must be one of EMAIL, SMS, LETTER, WEBHOOK"));
            }
            if (data == null) {
                missing.add(new Violation("data", "must be the data a request would carry (an object)"));
            }
            return missing;
        }
    }

    public record PreviewView(String language,
            @Schema(description = "0: the platform default") int version, String subject, String text, String html,
            @Schema(description = "why this language cannot be rendered, e.g. a value the data lacks") String failure) {
        static PreviewView of(Templates.Preview p) {
            return new PreviewView(p.language().tag(), p.version(), p.rendered() == null ? null : p.rendered().subject(),
                    p.rendered() == null ? null : p.rendered().text(), p.rendered() == null ? null : p.rendered().html(),
                    p.failure());
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "201", description = "The tenant's new version of the template; it renders from now on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Every missing field named, or a body or subject Qute cannot parse",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<View>> addVersion(@NotNull Request r) {
        TemplateText t = r.text();
        return templates.addVersion(tenant.id(), t, tenant.subject())
                .map(saved -> RestResponse.status(RestResponse.Status.CREATED, View.of(saved)));
    }

    @GET
    @APIResponse(responseCode = "200", description = "Every version of the tenant's own templates (the platform defaults are in docs/notification-service.md)")
    public Uni<List<View>> versions() {
        return templates.versions(tenant.id()).map(all -> all.stream().map(View::of).toList());
    }

    @POST
    @Path("/preview")
    @APIResponse(responseCode = "200", description = "The template rendered with the data in zh-CN and in en, each with its failure if it cannot be")
    @APIResponse(responseCode = "400", description = "Each of template key, channel and data that is missing or malformed, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<PreviewView>> preview(@NotNull PreviewRequest r) {
        List<Violation> missing = r.violations();
        if (!missing.isEmpty()) {
            throw DomainError.invalid("preview.invalid", "The preview needs a template key, a channel and data", missing);
        }
        return templates.preview(tenant.id(), r.templateKey(), r.channel(), r.data())
                .map(all -> all.stream().map(PreviewView::of).toList());
    }
}
