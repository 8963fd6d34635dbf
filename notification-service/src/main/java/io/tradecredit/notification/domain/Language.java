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
     * The languages to look a template up in, in order, for a message meant to be in {@code wanted}: that one, then
     * the others in the order of this enum. A contact whose language has no template of the key on the channel (a
     * tenant's own template written in Chinese only) gets the message in the other language rather than none:
     * {@code [en, zh-CN]} for English, {@code [zh-CN, en]} for Chinese. (With two languages the tenant's own
     * language, which the contact's replaced, is always the other one.)
     */
    public static java.util.List<Language> lookUpOrder(Language wanted) {
        java.util.List<Language> order = new java.util.ArrayList<>(Arrays.asList(values()));
        order.remove(wanted);
        order.add(0, wanted);
        return java.util.List.copyOf(order);
    }

    /** The language of a tag as the API and the requests write it; empty for anything else. */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
