package io.tradecredit.notification.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The body an SMS provider's HTTP API receives, from the configured template: {@code {to}},
 * {@code {from}}, {@code {text}} and {@code {id}} replaced by the values, each escaped for the
 * body's content type (a JSON string's content, or form-url-encoded), so a quote, a line break or
 * Chinese text in a message cannot break the provider's request.
 */
public final class SmsProviderRequest {
    private SmsProviderRequest() {
    }

    public static String body(String template, boolean json, String to, String from, String text, String id) {
        return template.replace("{to}", escape(to, json)).replace("{from}", escape(from, json))
                .replace("{id}", escape(id, json)).replace("{text}", escape(text, json));
    }

    static String escape(String value, boolean json) {
        return json ? jsonString(value) : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
