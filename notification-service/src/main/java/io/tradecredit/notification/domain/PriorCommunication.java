package io.tradecredit.notification.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The record of prior communication a dunning letter quotes (docs/domain.md §3), in the letter's
 * language: each earlier message by a readable name and the names of its channels, never the
 * keys the requester logs it by. The platform's ladder steps have names of their own; a tenant's
 * own step is named by its template key's last part, its hyphens as spaces ("dunning.courtesy-letter":
 * "courtesy letter"). A channel the service does not know is shown as it came.
 */
public final class PriorCommunication {
    private PriorCommunication() {
    }

    /** One earlier message as a letter lists it: its date, name and channels, in the letter's language. */
    public record Entry(String runDate, String name, String channels) {
    }

    private static final Map<String, String> EN = Map.of(
            "dunning.friendly-reminder", "friendly payment reminder",
            "dunning.reminder", "payment reminder",
            "dunning.payment-request", "request for payment",
            "dunning.formal-demand", "formal demand for payment",
            "dunning.finance-demand", "final demand from our Finance Department");

    private static final Map<String, String> ZH = Map.of(
            "dunning.friendly-reminder", "付款提醒",
            "dunning.reminder", "到期提醒",
            "dunning.payment-request", "付款通知书",
            "dunning.formal-demand", "正式催款函",
            "dunning.finance-demand", "财务部最终催款函");

    private static final Map<String, String> CHANNELS_EN = Map.of("EMAIL", "email", "SMS", "SMS", "LETTER", "letter by post");

    private static final Map<String, String> CHANNELS_ZH = Map.of("EMAIL", "电子邮件", "SMS", "短信", "LETTER", "邮寄信函");

    /** The entry of a message sent on {@code runDate} with {@code templateKey} on {@code channels}. */
    public static Entry entry(String runDate, String templateKey, List<String> channels, Language language) {
        boolean zh = language == Language.ZH_CN;
        String key = templateKey == null ? "" : templateKey;
        String name = (zh ? ZH : EN).getOrDefault(key, key.substring(key.lastIndexOf('.') + 1).replace('-', ' '));
        Map<String, String> names = zh ? CHANNELS_ZH : CHANNELS_EN;
        List<String> each = channels.stream().map(c -> names.getOrDefault(c.strip().toUpperCase(Locale.ROOT), c.strip())).toList();
        return new Entry(runDate == null ? "" : runDate, name, String.join(zh ? "、" : ", ", each));
    }
}
