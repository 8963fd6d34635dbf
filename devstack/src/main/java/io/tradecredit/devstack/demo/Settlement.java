package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.tradecredit.devstack.demo.BookEvents.Dispute;
import io.tradecredit.devstack.demo.BookEvents.Payment;
import io.tradecredit.devstack.demo.BookEvents.Plan;
import io.tradecredit.devstack.demo.DemoBuyer.Conduct;

/**
 * How the demo book's invoices are settled, by each buyer's conduct: the payments (none dated after
 * today), the one dispute and the one payment plan.
 */
final class Settlement {
    /** Invoices due up to this many days ago were paid by a buyer that has stopped paying since. */
    static final int STOPPED_DAYS = 90;
    static final int PLAN_INSTALMENTS = 3;

    private final Random random;
    private final LocalDate today;
    private final List<Payment> payments = new ArrayList<>();
    private Dispute dispute;
    private Plan plan;

    Settlement(Random random, LocalDate today, List<DemoInvoice> invoices) {
        this.random = random;
        this.today = today;
        for (DemoInvoice invoice : invoices) {
            settle(invoice, invoices);
        }
        payments.sort(Comparator.comparing(Payment::receivedOn));
    }

    List<Payment> payments() {
        return List.copyOf(payments);
    }

    Dispute dispute() {
        return dispute;
    }

    Plan plan() {
        return plan;
    }

    private void settle(DemoInvoice invoice, List<DemoInvoice> all) {
        LocalDate due = invoice.due();
        switch (invoice.buyer().conduct()) {
            case PROMPT, INSURED -> onTime(invoice);
            case LATE -> pay(invoice, due.plusDays(8 + random.nextInt(33)), invoice.total());
            case PARTIAL -> {
                BigDecimal half = invoice.total().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                pay(invoice, due.plusDays(5 + random.nextInt(16)), half);
                pay(invoice, due.plusDays(30 + random.nextInt(31)), invoice.total().subtract(half));
            }
            case STOPPED -> {
                if (due.isBefore(today.minusDays(STOPPED_DAYS))) {
                    onTime(invoice);
                }
            }
            case INSOLVENT -> {
                if (due.isBefore(today.minusDays(STOPPED_DAYS))) {
                    pay(invoice, due.plusDays(10 + random.nextInt(16)), invoice.total());
                }
            }
            case DISPUTING -> {
                if (dispute == null && invoice.equals(disputed(all, invoice.buyer()))) {
                    BigDecimal disputed = invoice.total().divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
                    dispute = new BookEvents.Dispute(invoice, due.minusDays(5), disputed,
                            "一批货物到货时包装破损 / part of the delivery arrived damaged");
                    pay(invoice, due.plusDays(6), invoice.total().subtract(disputed));
                } else {
                    onTime(invoice);
                }
            }
            case ON_PLAN -> {
                List<DemoInvoice> planned = planned(all, invoice.buyer());
                if (!planned.contains(invoice)) {
                    onTime(invoice);
                } else if (plan == null) {
                    // invoice-service dates a plan the day it is agreed and lets it start no earlier: agreed today
                    plan = new Plan(invoice.buyer(), planned, today, today.plusDays(7), PLAN_INSTALMENTS);
                }
            }
            default -> throw new IllegalStateException("no settlement for " + invoice.buyer().conduct());
        }
    }

    private void onTime(DemoInvoice invoice) {
        pay(invoice, invoice.due().plusDays(random.nextInt(9) - 6), invoice.total());
    }

    private void pay(DemoInvoice invoice, LocalDate on, BigDecimal amount) {
        if (!on.isAfter(today)) {
            payments.add(new Payment(invoice.buyer(), invoice.number(), on, amount));
        }
    }

    /** The disputing buyer's latest invoice due at least a month ago. */
    private DemoInvoice disputed(List<DemoInvoice> all, DemoBuyer buyer) {
        return all.stream().filter(i -> i.buyer().equals(buyer) && !i.due().isAfter(today.minusDays(30)))
                .max(Comparator.comparing(DemoInvoice::due))
                .orElseThrow(() -> new IllegalStateException(buyer.name() + " has no invoice to dispute"));
    }

    /** The plan's invoices: those due 20 to 120 days ago, which the buyer fell behind on. */
    private List<DemoInvoice> planned(List<DemoInvoice> all, DemoBuyer buyer) {
        return all.stream().filter(i -> i.buyer().equals(buyer) && i.due().isAfter(today.minusDays(120))
                && !i.due().isAfter(today.minusDays(20))).toList();
    }
}
