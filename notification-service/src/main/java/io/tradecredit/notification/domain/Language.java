package io.tradecredit.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** The languages a message is written in, by their tags ({@code zh-CN}, {@code en}). */
public enum Language {
    ZH_CN("zh-CN"), EN("en");

    /** When neither the contact nor the request says: the platform's home market writes Chinese. */
    public static final Language FALLBACK = ZH_CN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * The languages to look a template up in, in order, for a message meant to be in {@code wanted}: that one, then the
     * tenant's {@code tenantDefault} (null: none), then the others in the order of this enum. A contact whose
     * language has no template of the key on the channel (a tenant's own template written in Chinese only) gets the
     * message in the tenant's language rather than none: with English wanted and Chinese the tenant's, {@code [en,
     * zh-CN]}; with Chinese wanted and no tenant language, {@code [zh-CN, en]}.
     */
    public static java.util.List<Language> lookUpOrder(Language wanted, Language tenantDefault) {
        java.util.LinkedHashSet<Language> order = new java.util.LinkedHashSet<>();
        order.add(wanted);
        if (tenantDefault != null) {
            order.add(tenantDefault);
        }
        order.addAll(Arrays.asList(values()));
        return java.util.List.copyOf(order);
    }

    /** The language of a tag as the API and the requests write it; empty for anything else. */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
