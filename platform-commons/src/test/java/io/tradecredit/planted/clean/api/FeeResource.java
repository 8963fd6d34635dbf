package io.tradecredit.planted.clean.api;

import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.planted.clean.app.Fees;
import io.tradecredit.planted.clean.domain.Fee;

public class FeeResource {
    Fees fees = new Fees();

    public Uni<Response> charge(String amount) {
        return fees.charge(new Fee(Money.of(amount, "CNY"))).replaceWith(Response.noContent().build());
    }
}
