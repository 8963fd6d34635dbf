package io.tradecredit.invoice.persistence;

import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.PaymentFixtures.allocation;
import static io.tradecredit.invoice.PaymentFixtures.payment;
import static io.tradecredit.invoice.PaymentFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionFactoryImpl;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The payment path keeps one query plan per statement: posting more payments (oldest first, and
 * to named invoices, with an overpayment kept as credit) adds nothing to Hibernate's plan cache.
 * A statement whose cache key differs per call (a native query's result mapping built anew) grew
 * it by one entry per payment, and every look-up walked the copies.
 */
@QuarkusTest
class PaymentQueryPlansTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 9, 15);
    static final LocalDate DUE = LocalDate.of(2026, 10, 15);

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void postingMorePaymentsAddsNoQueryPlan() throws Exception {
        postBoth();
        int plans = cache().getNumberOfCachedQueryPlans();
        int hql = cache().getNumberOfCachedHqlInterpretations();

        for (int i = 0; i < 5; i++) {
            postBoth();
        }

        assertEquals(plans, cache().getNumberOfCachedQueryPlans(), "query plans");
        assertEquals(hql, cache().getNumberOfCachedHqlInterpretations(), "HQL interpretations");
    }

    /**
     * A Hibernate native write (the buyer credit's insert, update, movement) left a cleanup action
     * Hibernate Reactive never ran, so every payment's session logged HHH90010101 and HHH90010108
     * at close (hibernate-reactive#3177). The payment path writes with plain SQL: none.
     */
    @Test
    void postingPaymentsLogsNoUnprocessedCleanupWarning() {
        List<String> warned = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warned.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger session = Logger.getLogger("org.hibernate.orm.session");
        session.addHandler(handler);
        try {
            for (int i = 0; i < 3; i++) {
                postBoth();
            }
        } finally {
            session.removeHandler(handler);
        }
        assertEquals(List.of(), warned.stream().filter(m -> m.contains("HHH9001010")).toList());
    }

    /** An oldest-first payment and one to a named invoice, each leaving credit. */
    private static void postBoth() {
        UUID buyer = UUID.randomUUID();
        String inv = issue(invoice(buyer, ISSUED, DUE));
        post(FINANCE_ACME, payment(buyer, "2000.00", "2026-11-20", null)).statusCode(201);
        UUID other = UUID.randomUUID();
        String named = issue(invoice(other, ISSUED, DUE));
        post(FINANCE_ACME, payment(other, "1300.00", "2026-11-20", List.of(allocation(named, "1243.00"))))
                .statusCode(201);
        assertEquals(36, inv.length());
    }

    /** Hibernate shows its plan cache only on the session factory under the reactive one. */
    private QueryInterpretationCache cache() throws ReflectiveOperationException {
        Object factory = sessions;
        if (!(factory instanceof MutinySessionFactoryImpl)) {
            // the CDI bean is a client proxy
            factory = io.quarkus.arc.ClientProxy.unwrap(sessions);
        }
        Field delegate = MutinySessionFactoryImpl.class.getDeclaredField("delegate");
        delegate.setAccessible(true);
        return ((SessionFactoryImpl) delegate.get(factory)).getQueryEngine().getInterpretationCache();
    }
}
