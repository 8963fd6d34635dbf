package io.tradecredit.invoice.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores a short list of texts (e.g. a dispute's evidence references) as one JSON array. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> texts) {
        try {
            return JSON.writeValueAsString(texts == null ? List.of() : texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts not serializable", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts unreadable", e);
        }
    }
}
