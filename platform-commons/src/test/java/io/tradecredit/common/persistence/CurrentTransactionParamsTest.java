package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.vertx.mutiny.sqlclient.Tuple;

/** {@link CurrentTransaction#params}: every value at its own {@code $n}, a null included. */
class CurrentTransactionParamsTest {
    @Test
    void nullsKeepTheirPlace() {
        UUID buyer = UUID.fromString("0190a5c4-0000-7000-8000-000000000001");
        LocalDate due = LocalDate.of(2024, 3, 31);
        // more than Tuple.of takes, nulls first, between and last
        Tuple t = CurrentTransaction.params(null, "t1", buyer, null, 30, due, null, 7L, null);

        assertEquals(9, t.size());
        assertNull(t.getValue(0));
        assertEquals("t1", t.getValue(1));
        assertEquals(buyer, t.getValue(2));
        assertNull(t.getValue(3));
        assertEquals(30, t.getValue(4));
        assertEquals(due, t.getValue(5));
        assertNull(t.getValue(6));
        assertEquals(7L, t.getValue(7));
        assertNull(t.getValue(8));
    }

    @Test
    void anArrayOfParametersIsSpreadNotOneValue() {
        // as a store's run(String sql, Object... parameters) passes its own array on
        Object[] parameters = {"t1", null, 3};

        Tuple t = CurrentTransaction.params(parameters);

        assertEquals(3, t.size());
        assertEquals("t1", t.getValue(0));
        assertNull(t.getValue(1));
        assertEquals(3, t.getValue(2));
    }

    @Test
    void noValuesNoParameters() {
        assertEquals(0, CurrentTransaction.params().size());
    }
}
