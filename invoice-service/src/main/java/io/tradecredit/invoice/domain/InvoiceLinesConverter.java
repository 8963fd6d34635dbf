package io.tradecredit.invoice.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores an invoice's lines as one JSON document: they are read and written with the invoice, never alone. */
@Converter
public class InvoiceLinesConverter implements AttributeConverter<List<InvoiceLine>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<InvoiceLine>> LINES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<InvoiceLine> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice lines not serializable", e);
        }
    }

    @Override
    public List<InvoiceLine> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice lines unreadable", e);
        }
    }
}
