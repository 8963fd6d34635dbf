package io.tradecredit.notification.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.TenantSettings;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.domain.SenderIdentity;

/** A tenant's sender identity, channel order, send window, language and its contacts' time zone. */
@Path("/api/v1/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class SettingsResource {
    @Inject
    TenantContext tenant;

    @Inject
    TenantSettings settings;

    public record Sender(String fromName, String fromAddress, String replyTo,
            @Schema(description = "printed at the top of letters and emails") String letterhead, String signatory,
            @Schema(description = "the person letters name for the buyer's questions; left out: the signatory and the"
                    + " reply-to (else From) address") ContactPerson contact) {
    }

    public record ContactPerson(@Schema(description = "e.g. 王芳, accounts receivable") String name,
            @Schema(description = "digits, spaces, + ( ) -") String phone, String email) {
    }

    public record Window(@Schema(description = "local time, e.g. 09:00") LocalTime opens,
            @Schema(description = "local time, e.g. 18:00 (exclusive)") LocalTime closes, Set<DayOfWeek> days) {
    }

    public record Body(@Schema(description = "left out: the platform's configured From") Sender sender,
            @Schema(description = "left out: EMAIL, SMS, LETTER") List<ChannelType> channelOrder,
            @Schema(description = "left out: 09:00-18:00 Monday to Friday, in each contact's time zone") Window sendWindow,
            @Schema(description = "zh-CN or en: what a message is written in when neither its contact nor its request"
                    + " (languageHint) says; left out: zh-CN") String language,
            @Schema(description = "an IANA time zone, e.g. Europe/Berlin: that of a contact entered or replaced without"
                    + " one, in which its send window opens; also where the tenant's calendar (PUT /api/v1/dunning/calendar) is"
                    + " worked: its make-up working days open the window for contacts in this zone only, not abroad;"
                    + " left out: Asia/Shanghai") String timeZone,
            @Schema(description = "the most parts an SMS may take, 1 to 10 (160 GSM-7 characters in one part, else 153 a"
                    + " part; 70 UCS-2, Chinese, in one, else 67): a reminder listing more invoices than fit lists the first"
                    + " ones and says how many more and their total; an SMS that cannot fit is not sent, its channel is"
                    + " unusable saying so (the next channel of the order, else FAILED with the reason); left out: 3")
            Integer smsMaxParts)
            implements CheckableBody {
        static Body of(NotificationSettings s) {
            SenderIdentity i = s.sender();
            SendWindow w = s.sendWindow();
            return new Body(i == null ? null : new Sender(i.fromName(), i.fromAddress(), i.replyTo(), i.letterhead(),
                    i.signatory(), SenderIdentity.ContactPerson.NONE.equals(i.contact()) ? null
                            : new ContactPerson(i.contact().name(), i.contact().phone(), i.contact().email())),
                    s.channelOrder().channels(),
                    new Window(w.opens(), w.closes(), new java.util.TreeSet<>(w.days())), s.language().tag(),
                    s.timeZone().getId(), s.sms().maxParts());
        }

        /**
         * The rules' findings on the settings as read, asked for when a value could not be read (it is null then) so
         * that one answer names every wrong field. A channel or day that could not be read is left out of its list (it
         * is named already); a list of nothing but such values is judged as if it named every day, or left out.
         */
        @Override
        public List<Violation> violations() {
            List<ChannelType> order = channelOrder == null ? null : readable(channelOrder);
            Set<DayOfWeek> days = sendWindow == null || sendWindow.days == null ? null : readable(sendWindow.days);
            if (days != null && days.isEmpty() && !sendWindow.days.isEmpty()) {
                days = EnumSet.allOf(DayOfWeek.class);
            }
            Body read = new Body(sender, order != null && order.isEmpty() && !channelOrder.isEmpty() ? null : order,
                    sendWindow == null ? null : new Window(sendWindow.opens, sendWindow.closes, days), language, timeZone,
                    smsMaxParts);
            return CheckableBody.violationsOf(read::settings);
        }

        private static <T> List<T> readable(List<T> values) {
            return values.stream().filter(Objects::nonNull).toList();
        }

        private static Set<DayOfWeek> readable(Set<DayOfWeek> values) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            values.stream().filter(Objects::nonNull).forEach(days::add);
            return days;
        }

        NotificationSettings settings() {
            return NotificationSettings.of(sender == null ? null : new NotificationSettings.SenderFields(
                    sender.fromName, sender.fromAddress, sender.replyTo, sender.letterhead, sender.signatory,
                    sender.contact == null ? null : new SenderIdentity.ContactPerson(sender.contact.name,
                            sender.contact.phone, sender.contact.email)),
                    channelOrder, sendWindow == null ? null : sendWindow.opens,
                    sendWindow == null ? null : sendWindow.closes, sendWindow == null ? null : sendWindow.days,
                    sendWindow != null, language, timeZone, smsMaxParts);
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's settings, the defaults while it has set none")
    public Uni<Body> get() {
        return settings.of(tenant.id()).map(Body::of);
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The settings as now in force")
    @APIResponse(responseCode = "400", description = "Every missing, unreadable or inconsistent field named at once; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Body> put(@NotNull Body body) {
        return settings.set(tenant.id(), body.settings(), tenant.subject()).map(Body::of);
    }
}
