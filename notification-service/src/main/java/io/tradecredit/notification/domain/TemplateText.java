package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A template of one message, channel and language: a subject (empty for SMS and letters, whose
 * first line is their title) and a body, both Qute text. A platform default is stored as one file,
 * its first line {@code Subject: ...} (emails only), a blank line, then the body.
 *
 * @param version 0 for the platform default, 1, 2, ... for a tenant's own versions
 */
public record TemplateText(String key, ChannelType channel, Language language, int version, String subject,
        String body) {
    /** The same shape as a request's templateKey: {@code dunning.formal-demand}. */
    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$");
    private static final String SUBJECT = "Subject:";

    /** A platform default from its file's content. */
    public static TemplateText parseDefault(String key, ChannelType channel, Language language, String file) {
        String text = file.replace("\r\n", "\n");
        String subject = "";
        if (text.startsWith(SUBJECT)) {
            String[] lines = text.split("\n", 2);
            subject = lines[0].substring(SUBJECT.length()).strip();
            text = lines.length > 1 ? lines[1] : "";
        }
        return new TemplateText(key, channel, language, 0, subject, text.strip() + "\n");
    }

    /** A tenant's own version, refused naming every wrong field; an email needs a subject. */
    public static TemplateText tenantVersion(String key, ChannelType channel, String languageTag, int version,
            String subject, String body) {
        List<Violation> wrong = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            wrong.add(new Violation("templateKey", "must be a key such as dunning.formal-demand"));
        }
        if (channel == null) {
            wrong.add(new Violation("channel", "must be one of EMAIL, SMS, LETTER, WEBHOOK"));
        }
        Language language = languageTag == null ? null : Language.ofTag(languageTag).orElse(null);
        if (language == null) {
            wrong.add(new Violation("language", "must be zh-CN or en"));
        }
        if (channel == ChannelType.EMAIL && SenderIdentity.blank(subject)) {
            wrong.add(new Violation("subject", "must be given for an email"));
        }
        if (SenderIdentity.blank(body)) {
            wrong.add(new Violation("body", "must be given"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("template.invalid", "The template is incomplete", wrong);
        }
        return new TemplateText(key, channel, language, version, subject == null ? "" : subject.strip(), body);
    }
}
