package io.tradecredit.common.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RolesTest {
    @Test
    void theReadersExpressionStandsForTheReaderRoles() {
        assertEquals("${" + Roles.READERS_SETTING + ":" + String.join(",", Roles.READER_ROLES) + "}", Roles.READERS);
    }
}
