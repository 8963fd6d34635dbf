package io.tradecredit.collections.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A column is found by name once per result; a name the query does not select is a clear error, not a wrong column. */
class ResultColumnsTest {
    @Test
    void aColumnIsFoundAtItsPlace() {
        List<String> names = List.of("tenant_id", "buyer_id", "invoice_id");
        assertEquals(0, ResultColumns.at(names, "tenant_id"));
        assertEquals(2, ResultColumns.at(names, "invoice_id"));
    }

    @Test
    void aMissingColumnNamesItself() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResultColumns.at(List.of("tenant_id"), "grade"));
        assertTrue(e.getMessage().contains("grade"), e.getMessage());
    }
}
