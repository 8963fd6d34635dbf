package io.tradecredit.notification.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateException;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SenderIdentity;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.TemplateText;
import io.tradecredit.notification.persistence.SettingsRepository;
import io.tradecredit.notification.persistence.TemplateRepository;

/**
 * The templates: a tenant's own latest version, else the platform default shipped in
 * {@code src/main/resources/notification-templates/<key>/<CHANNEL>.<language>.txt}; rendered with
 * Qute in strict mode, so a template that needs a value the data lacks fails with the name of that
 * value and nothing half-filled is ever produced.
 */
@ApplicationScoped
public class Templates {
    static final String DEFAULTS = "notification-templates/";

    @Inject
    Engine qute;

    @Inject
    TemplateRepository templates;

    @Inject
    ParsedTemplates parsed;

    @Inject
    Clock clock;

    @Inject
    TemplateContext context;

    @Inject
    SettingsRepository settings;

    /** A rendering that could not be done: the reason the requester sees. */
    public static final class RenderingFailed extends RuntimeException {
        public RenderingFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Where routing finds the template of (key, channel, language) for a tenant: {@link #find}, or {@link #readAll}'s. */
    @FunctionalInterface
    public interface Lookup {
        Uni<Optional<TemplateText>> find(String tenantId, String key, ChannelType channel, Language language);
    }

    /** A tenant's template key. */
    public record TenantKey(String tenantId, String key) {
    }

    /**
     * The templates of {@code keys}, every channel and language, read with one query (the tenants'
     * latest versions, each platform default behind them read once): a poll's requests are routed
     * with it instead of a query per request (issue 13). A key not among {@code keys} is found by
     * {@link #find}. In a transaction.
     */
    public Uni<Lookup> readAll(Collection<TenantKey> keys) {
        List<TenantKey> read = List.copyOf(new HashSet<>(keys));
        return templates.latestOf(read.stream().map(TenantKey::tenantId).toArray(String[]::new),
                read.stream().map(TenantKey::key).toArray(String[]::new)).map(found -> {
                    Map<String, TemplateText> own = new HashMap<>();
                    found.forEach(o -> own.put(o.tenantId() + "/" + name(o.template().key(), o.template().channel(),
                            o.template().language()), o.template()));
                    Map<String, Optional<TemplateText>> defaults = new HashMap<>();
                    Set<TenantKey> known = Set.copyOf(read);
                    Lookup lookup = (tenantId, key, channel, language) -> {
                        if (!known.contains(new TenantKey(tenantId, key))) {
                            return find(tenantId, key, channel, language);
                        }
                        TemplateText t = own.get(tenantId + "/" + name(key, channel, language));
                        return Uni.createFrom().item(t != null ? Optional.of(t)
                                : defaults.computeIfAbsent(name(key, channel, language), n -> platformDefault(key, channel, language)));
                    };
                    return lookup;
                });
    }

    private static String name(String key, ChannelType channel, Language language) {
        return key + "/" + channel.name() + "/" + language.tag();
    }

    /** The template that renders (key, channel, language) for the tenant, if there is one. In a transaction. */
    public Uni<Optional<TemplateText>> find(String tenantId, String key, ChannelType channel, Language language) {
        return templates.latest(tenantId, key, channel, language)
                .map(own -> own.isPresent() ? own : platformDefault(key, channel, language));
    }

    /** The platform default of (key, channel, language), if the service ships one. */
    public static Optional<TemplateText> platformDefault(String key, ChannelType channel, Language language) {
        if (!TemplateText.KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        String path = DEFAULTS + key + "/" + channel.name() + "." + language.tag() + ".txt";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(TemplateText.parseDefault(key, channel, language,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /**
     * Renders {@code t} with {@code context} (the request's data and what the service adds:
     * {@code contact}, {@code sender}, {@code letterDate}); throws {@link RenderingFailed} naming
     * what is missing or wrong.
     */
    public RenderedMessage render(String tenantId, TemplateText t, Map<String, Object> context, String letterhead) {
        try {
            ParsedTemplates.Parsed p = parsed.of(tenantId, t);
            String subject = p.subject() == null ? "" : p.subject().data(context).render();
            String text = p.body().data(context).render();
            return RenderedMessage.of(subject, text, letterhead);
        } catch (TemplateException e) {
            throw new RenderingFailed("template " + t.key() + " (" + t.channel() + ", " + t.language().tag()
                    + (t.version() == 0 ? ", platform default" : ", version " + t.version()) + ") cannot be rendered: "
                    + e.getMessage());
        }
    }

    /** Stores a tenant's new version after checking that Qute can parse it; returns it numbered. */
    public Uni<TemplateText> addVersion(String tenantId, TemplateText t, String by) {
        check(t.subject(), "subject");
        check(t.body(), "body");
        return CurrentTransaction.run(() -> templates.addVersion(tenantId, t, OffsetDateTime.now(clock), by))
                .invoke(added -> parsed.versionAdded(tenantId, added.key(), added.channel(), added.language()));
    }

    public Uni<List<TemplateText>> versions(String tenantId) {
        return CurrentTransaction.run(() -> templates.all(tenantId));
    }

    private void check(String text, String field) {
        try {
            qute.parse(text);
        } catch (TemplateException e) {
            throw DomainError.invalidField("template.unparsable", field, "is not a Qute template: " + e.getMessage());
        }
    }

    /** One language of a preview: the rendering, or why there is none. */
    public record Preview(Language language, int version, RenderedMessage rendered, String failure) {
    }

    /**
     * Renders the tenant's template (key, channel) with {@code data} in every language, as a
     * message to a contact without name would be: each language rendered or failed on its own.
     */
    public Uni<List<Preview>> preview(String tenantId, String key, ChannelType channel, ObjectNode data) {
        if (key == null || !TemplateText.KEY.matcher(key).matches()) {
            throw DomainError.invalidField("template.invalid", "templateKey", "must be a key such as dunning.formal-demand");
        }
        return CurrentTransaction.run(() -> settings.find(tenantId).chain(s -> {
            SenderIdentity sender = s.orElse(NotificationSettings.DEFAULT).sender();
            List<Uni<Preview>> each = new ArrayList<>();
            for (Language language : Language.values()) {
                Map<String, Object> ctx = context.of(data, null, sender, clock.instant(), language);
                each.add(find(tenantId, key, channel, language).map(t -> {
                    if (t.isEmpty()) {
                        return new Preview(language, 0, null, "no template " + key + " for " + channel + " in "
                                + language.tag());
                    }
                    try {
                        // a wording chosen on the day of making (LetterDate) as at today's intake
                        return new Preview(language, t.get().version(),
                                render(tenantId, t.get(), ctx, sender == null ? "" : sender.letterhead()).asAtIntake(), null);
                    } catch (RenderingFailed e) {
                        return new Preview(language, t.get().version(), null, e.getMessage());
                    }
                }));
            }
            return Uni.join().all(each).andFailFast();
        }));
    }
}
