package io.tradecredit.credit.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores an assessment's factors as one JSON document: they are only ever read with their assessment. */
@Converter
public class FactorsConverter implements AttributeConverter<List<Assessment.Factor>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Assessment.Factor>> FACTORS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Assessment.Factor> factors) {
        try {
            return JSON.writeValueAsString(factors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("factors not serializable", e);
        }
    }

    @Override
    public List<Assessment.Factor> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, FACTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("factors unreadable", e);
        }
    }
}
