package io.tradecredit.notification.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.DailyJob;
import io.tradecredit.notification.app.Withdrawals;

/**
 * Keeps {@code message_withdrawal} small: daily, drops the withdrawals older than their retention
 * ({@link Withdrawals#prune}); one statement, so a {@link DailyJob}.
 */
@ApplicationScoped
public class WithdrawalPruningJob implements DailyJob {
    @Inject
    Withdrawals withdrawals;

    @Override
    public String name() {
        return "withdrawal-pruning";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        return withdrawals.prune(asOf).map(n -> "removed " + n + " withdrawals past their retention as of " + asOf);
    }
}
