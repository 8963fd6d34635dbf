package io.tradecredit.planted.clean.persistence;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.planted.clean.domain.Fee;
import io.vertx.mutiny.sqlclient.Tuple;

public class FeeRepository {
    public Uni<Void> save(Fee fee) {
        return CurrentTransaction.execute("insert into fee values ($1)", Tuple.of(fee.amount().amount()))
                .replaceWithVoid();
    }
}
