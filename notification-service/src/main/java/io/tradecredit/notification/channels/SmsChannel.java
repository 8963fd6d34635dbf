package io.tradecredit.notification.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.SmsProviderRequest;

/**
 * An SMS through a provider's HTTP API: a POST to {@code tradecredit.notification.sms.url} with the
 * body made from {@code sms.body-template} ({@link SmsProviderRequest}), HTTP Basic credentials
 * when {@code sms.username} is set, and the request id as {@code {id}} (the provider's reference).
 */
@ApplicationScoped
public class SmsChannel implements Channel {
    @Inject
    HttpPost http;

    @ConfigProperty(name = "tradecredit.notification.sms.url")
    Optional<String> url;

    @ConfigProperty(name = "tradecredit.notification.sms.username")
    Optional<String> username;

    @ConfigProperty(name = "tradecredit.notification.sms.password")
    Optional<String> password;

    @ConfigProperty(name = "tradecredit.notification.sms.sender")
    String sender;

    @ConfigProperty(name = "tradecredit.notification.sms.content-type")
    String contentType;

    @ConfigProperty(name = "tradecredit.notification.sms.body-template")
    String bodyTemplate;

    @ConfigProperty(name = "tradecredit.notification.sms.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(new Channel.Refused("no SMS provider is configured (tradecredit.notification.sms.url)"));
        }
        boolean json = contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        String body = SmsProviderRequest.body(bodyTemplate, json, m.to(), sender, m.content().text().strip(),
                m.requestId().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        username.ifPresent(user -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8))));
        return http.send(URI.create(url.get()), headers, body, timeout);
    }
}
