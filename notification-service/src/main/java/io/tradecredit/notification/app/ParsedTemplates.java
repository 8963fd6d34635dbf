package io.tradecredit.notification.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.TemplateText;

/**
 * Templates parsed once per (tenant, key, channel, language, version) instead of once per message:
 * parsing was most of a rendering. A version's text never changes, and the key holds the text too,
 * so a parse is never used for another text (a database set up again under the same version
 * number included). Adding a version drops the tenant's older parses of that template; past
 * {@link #MOST} parses all are dropped (a tenant's templates are dozens, not thousands).
 * A parsed Qute template renders on any number of threads at once.
 */
@ApplicationScoped
public class ParsedTemplates {
    static final int MOST = 2_000;

    @Inject
    Engine qute;

    /** The subject (null when the template has none) and body of one version, parsed. */
    record Parsed(Template subject, Template body) {
    }

    private record Key(String tenantId, TemplateText text) {
    }

    private final Map<Key, Parsed> parsed = new ConcurrentHashMap<>();

    ParsedTemplates() {
    }

    ParsedTemplates(Engine qute) {
        this.qute = qute;
    }

    /** {@code t} as the tenant renders it, parsed at its first use. */
    Parsed of(String tenantId, TemplateText t) {
        Key key = new Key(tenantId, t);
        Parsed known = parsed.get(key);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= MOST) {
            parsed.clear();
        }
        Parsed fresh = new Parsed(t.subject().isEmpty() ? null : qute.parse(t.subject()), qute.parse(t.body()));
        parsed.put(key, fresh);
        return fresh;
    }

    /** The tenant added a version of (key, channel, language): its older parses will not be used again. */
    void versionAdded(String tenantId, String templateKey, ChannelType channel, Language language) {
        parsed.keySet().removeIf(k -> k.tenantId().equals(tenantId) && k.text().key().equals(templateKey)
                && k.text().channel() == channel && k.text().language() == language);
    }

    /** How many parses are kept (for tests). */
    int size() {
        return parsed.size();
    }
}
