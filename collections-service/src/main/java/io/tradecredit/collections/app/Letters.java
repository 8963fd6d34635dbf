package io.tradecredit.collections.app;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.persistence.LetterFactsRepository;
import io.tradecredit.collections.persistence.LetterFactsRepository.Row;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * What a dunning letter to a buyer prints, from the read model in one query
 * ({@link LetterFactsRepository}); the daily run puts it in a notification request's data. The
 * parties are those of the buyer's most recently issued open invoice that names them (a tenant's
 * address or account may have changed since older invoices); the buyer's name is the one
 * credit-service registered, else the invoices'. A buyer with nothing open has no invoices and no
 * parties here.
 */
@ApplicationScoped
public class Letters {
    @Inject
    LetterFactsRepository facts;

    public Uni<LetterFacts> factsOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.run(() -> facts.openInvoicesOf(tenantId, buyerId))
                .map(rows -> assemble(buyerId, rows));
    }

    static LetterFacts assemble(UUID buyerId, List<Row> rows) {
        List<Row> newestFirst = rows.stream().sorted(Comparator.comparing((Row r) -> r.invoice().issueDate(),
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed()).toList();
        LetterFacts.Party seller = newestFirst.stream().map(Row::seller).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String buyerAddress = newestFirst.stream().map(Row::buyerAddress).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String buyerName = rows.stream().map(Row::registeredBuyerName).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> newestFirst.stream().map(Row::invoiceBuyerName).filter(Objects::nonNull).findFirst()
                        .orElse(null));
        return new LetterFacts(buyerId, seller, buyerName, buyerAddress, rows.stream().map(Row::invoice).toList());
    }
}
