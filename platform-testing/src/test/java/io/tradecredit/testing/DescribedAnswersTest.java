package io.tradecredit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer is held to the operation its method and path are an instance of, and to the schema of its status. */
class DescribedAnswersTest {
    static final JsonNode DESCRIPTION = read("""
            {"paths": {
               "/api/v1/cases/{id}": {"get": {"responses": {"200": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/Case"}}}}}}},
               "/api/v1/cases/worklist": {"get": {"responses": {"200": {"content": {"application/json":
                   {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Case"}}}}}}}},
               "/api/v1/cases/{id}/notes": {"post": {"responses": {"201": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/Case"}}}}}}}},
             "components": {"schemas": {"Case": {"type": "object", "required": ["id"], "properties": {
               "id": {"type": "string"},
               "owner": {"anyOf": [{"type": "string"}, {"type": "null"}]},
               "state": {"type": "string", "enum": ["OPEN", "CLOSED"]}}}}}}
            """);

    @Test
    void aPathIsTheInstanceOfItsOperationALiteralSegmentBeforeAParameter() {
        assertEquals("/api/v1/cases/{id}", DescribedAnswers.operationOf(DESCRIPTION, "GET", "/api/v1/cases/42"));
        assertEquals("/api/v1/cases/worklist", DescribedAnswers.operationOf(DESCRIPTION, "GET", "/api/v1/cases/worklist"));
        assertEquals("/api/v1/cases/{id}/notes", DescribedAnswers.operationOf(DESCRIPTION, "POST", "/api/v1/cases/7/notes"));
        assertEquals("/api/v1/cases/worklist", DescribedAnswers.operationOf(DESCRIPTION, "GET", "/api/v1/cases/worklist/"));
        assertNull(DescribedAnswers.operationOf(DESCRIPTION, "DELETE", "/api/v1/cases/42"));
        assertNull(DescribedAnswers.operationOf(DESCRIPTION, "GET", "/api/v1/cases/42/log"));
    }

    @Test
    void anAnswerAsDescribedPassesAndEveryDifferenceIsNamed() {
        assertEquals(List.of(), DescribedAnswers.wrong(DESCRIPTION, "GET", "/api/v1/cases/42", 200,
                "{\"id\": \"42\", \"owner\": null, \"state\": \"OPEN\"}"));
        assertTrue(DescribedAnswers.wrong(DESCRIPTION, "GET", "/api/v1/cases/42", 200,
                "{\"owner\": \"lena\", \"state\": null}").size() >= 2, "id missing and a null state are both named");
        assertEquals(List.of("status 204 is not described for POST /api/v1/cases/{id}/notes"),
                DescribedAnswers.wrong(DESCRIPTION, "POST", "/api/v1/cases/7/notes", 204, "{}"));
        assertEquals(List.of("no operation GET /api/v1/other is described"),
                DescribedAnswers.wrong(DESCRIPTION, "GET", "/api/v1/other", 200, "{}"));
        assertEquals(1, DescribedAnswers.wrong(DESCRIPTION, "GET", "/api/v1/cases/worklist", 200,
                "[{\"id\": \"1\"}, {\"id\": 2}]").size(), "the second case's id is not a string");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
