package io.tradecredit.planted.dirty.app;

import jakarta.ws.rs.core.Response;

import io.tradecredit.planted.dirty.domain.Fee;

/** Planted violation: a use case that answers HTTP itself. */
public class Fees {
    public Response charge(Fee fee) {
        return Response.ok(fee).build();
    }
}
