package io.tradecredit.planted.clean.app;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.planted.clean.domain.Fee;
import io.tradecredit.planted.clean.persistence.FeeRepository;

public class Fees {
    FeeRepository repository = new FeeRepository();

    public Uni<Void> charge(Fee fee) {
        return CurrentTransaction.run(() -> repository.save(fee));
    }
}
