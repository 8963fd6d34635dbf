package io.tradecredit.planted.clean.messaging;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.planted.clean.app.Fees;
import io.tradecredit.planted.clean.domain.Fee;

/** A consumer that delegates (its @Incoming method is left out: these classes are never deployed). */
public class FeeConsumer {
    Fees fees = new Fees();

    public Uni<Void> consume(String amount) {
        return fees.charge(new Fee(Money.of(amount, "CNY")));
    }
}
