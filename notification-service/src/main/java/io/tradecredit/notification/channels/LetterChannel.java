package io.tradecredit.notification.channels;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.app.Letters;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.ChannelType;

/**
 * Letters: the PDF of the letter's page, made once and stored with the message, is what is sent
 * (its SHA-256 the proof). A letter is sent when stored; when a print-and-mail provider is
 * configured ({@code tradecredit.notification.letter.print-url}, off by default) it is sent once
 * that provider has accepted the PDF and the postal address, on the retry schedule of letters.
 */
@ApplicationScoped
public class LetterChannel implements Channel {
    @Inject
    Letters letters;

    @Inject
    HttpPost http;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tradecredit.notification.letter.print-url")
    Optional<String> printUrl;

    @ConfigProperty(name = "tradecredit.notification.letter.print-timeout", defaultValue = "PT30S")
    Duration printTimeout;

    @Override
    public ChannelType type() {
        return ChannelType.LETTER;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        return handOver(m).replaceWithVoid();
    }

    @Override
    public Uni<String> handOver(Outgoing m) {
        return (m.at() == null ? letters.documentOf(m.tenantId(), m.requestId())
                : letters.documentOf(m.tenantId(), m.requestId(), m.at()))
                .map(found -> found.orElseThrow(() -> new Channel.Refused("the letter has no page to print")))
                .call(pdf -> print(m, pdf)).map(LetterDocument::sha256);
    }

    /** Hands the PDF to the print-and-mail provider, if one is configured: JSON with the PDF in base64. */
    private Uni<Void> print(Outgoing m, LetterDocument pdf) {
        if (printUrl.isEmpty() || printUrl.get().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.requestId().toString());
        body.put("address", m.to());
        body.put("sender", m.from().fromName());
        body.put("filename", pdf.filename());
        body.put("sha256", pdf.sha256());
        body.put("pdf", Base64.getEncoder().encodeToString(pdf.content()));
        try {
            return http.send(java.net.URI.create(printUrl.get()), Map.of("Content-Type", "application/json",
                    "Tradecredit-Message-Id", m.requestId().toString()), json.writeValueAsString(body), printTimeout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a print request is plain JSON", e);
        }
    }
}
