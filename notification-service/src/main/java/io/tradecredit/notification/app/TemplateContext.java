package io.tradecredit.notification.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.SenderIdentity;

/**
 * What a template sees: the request's data, and under reserved names what the service adds:
 * {@code contact} (name, function, postalAddress), {@code sender} (fromName, letterhead,
 * signatory, and contactName, contactPhone, contactEmail: the tenant's person for questions) and {@code letterDate} (the day of rendering in the contact's time zone). A tenant
 * without a sender identity writes as the platform's configured From.
 */
@ApplicationScoped
public class TemplateContext {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tradecredit.notification.sender.from-name")
    String platformFromName;

    @ConfigProperty(name = "tradecredit.notification.sender.from-address")
    String platformFromAddress;

    public Map<String, Object> of(ObjectNode data, Contact contact, SenderIdentity sender, Instant now) {
        Map<String, Object> ctx = new HashMap<>(json.convertValue(data, MAP));
        Map<String, Object> c = new HashMap<>();
        c.put("name", contact == null ? "" : contact.name());
        c.put("function", contact == null || contact.function() == null ? "" : contact.function());
        c.put("postalAddress", contact == null || contact.postalAddress() == null ? "" : contact.postalAddress());
        ctx.put("contact", c);
        Map<String, Object> from = new HashMap<>();
        from.put("fromName", sender == null ? platformFromName : sender.fromName());
        from.put("letterhead", sender == null ? "" : sender.letterhead());
        from.put("signatory", sender == null ? platformFromName : sender.signatory());
        // the person a letter names for questions ("" for a field no one gave: the template leaves it out)
        SenderIdentity.ContactPerson questions = sender == null
                ? new SenderIdentity.ContactPerson(platformFromName, "", platformFromAddress) : sender.questionsTo();
        from.put("contactName", questions.name());
        from.put("contactPhone", questions.phone());
        from.put("contactEmail", questions.email());
        ctx.put("sender", from);
        ctx.put("letterDate", LocalDate.ofInstant(now, contact == null ? Contact.DEFAULT_TIME_ZONE : contact.timeZone())
                .toString());
        return ctx;
    }

    /** Who a message is from: the tenant's identity, else the platform's configured From. */
    public Message.Sender senderOf(SenderIdentity id) {
        return id == null ? new Message.Sender(platformFromName, platformFromAddress, null)
                : new Message.Sender(id.fromName(), id.fromAddress(), id.replyTo());
    }
}
