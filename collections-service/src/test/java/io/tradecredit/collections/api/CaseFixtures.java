package io.tradecredit.collections.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** Cases, overdue invoices in the read model and collectors' tokens for the case API tests. */
final class CaseFixtures {
    static final String CASES = "/api/v1/collections/cases/";

    private CaseFixtures() {
    }

    /** A token of the tenant for user {@code user} with {@code roles}. */
    static String user(String tenant, String user, String... roles) {
        return Tokens.tenant(tenant).subject(user).roles(roles).mint();
    }

    static String collector(String tenant, String user) {
        return user(tenant, user, "collector");
    }

    /** An open invoice of the buyer in the read model, due {@code daysPastDue} days ago. */
    static UUID overdueInvoice(String tenant, UUID buyer, String amount, int daysPastDue) {
        UUID invoice = UUID.randomUUID();
        LocalDate due = DunningFixtures.today().minusDays(daysPastDue);
        Database.execute("insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, currency, total,"
                + " open_amount, collectible_amount, issue_date, due_date, updated_at) values (?, ?, ?, ?, 'CNY', ?, ?,"
                + " ?, ?, ?, ?)", tenant, invoice, buyer, "INV-" + invoice.toString().substring(0, 8),
                new BigDecimal(amount), new BigDecimal(amount), new BigDecimal(amount), due.minusDays(30), due,
                OffsetDateTime.now());
        return invoice;
    }

    @SuppressWarnings("unchecked")
    static <T> T await(Supplier<? extends Uni<? extends T>> work) {
        try {
            return (T) VertxContextSupport.subscribeAndAwait(() -> (Uni<T>) work.get());
        } catch (DomainError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
