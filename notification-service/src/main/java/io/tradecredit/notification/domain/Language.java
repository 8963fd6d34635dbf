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

    /** The language of a tag as the API and the requests write it; empty for anything else. */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
