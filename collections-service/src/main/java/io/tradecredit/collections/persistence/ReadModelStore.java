package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EarlierEventMissing;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Writes the read model with one statement per change, in the inbox's transaction. An upsert,
 * not load-and-save: an event about an invoice this service never saw issued (issued before it
 * listened) updates no row and is let go, as credit-service does.
 */
@ApplicationScoped
public class ReadModelStore {

    static final String ISSUED = """
            insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, purchase_order_number,
                buyer_name, currency, total, open_amount, collectible_amount, issue_date, due_date, payment_terms,
                updated_at, seller_name, seller_address, seller_tax_id, seller_bank_account, buyer_address)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            on conflict (tenant_id, invoice_id) do nothing""";

    /** The latest late-charge statement wins: one as of an earlier date than kept changes nothing. */
    static final String LATE_CHARGES = """
            update open_invoice set late_charges_as_of = $3, late_interest = $4, late_fee = $5, late_charges_total = $6,
                late_daily_rate = $7, late_fee_after_days = $8, late_fee_rate = $9, late_terms_source = $10,
                late_legal_basis = $11, updated_at = $12
            where tenant_id = $1 and invoice_id = $2 and (late_charges_as_of is null or late_charges_as_of <= $3)""";

    /**
     * The amounts an event states. With a collectible amount the disputed part is what the event
     * leaves frozen (open less collectible: invoice-service caps the disputed part at the open
     * amount, so this is exact); without one the disputed part stays as it was, never above the
     * open amount, and the collectible part is the rest, as {@code DunningItem.collectible} reads it.
     * A payment reversed on a paid invoice opens it again.
     */
    static final String AMOUNTS = """
            update open_invoice set
                open_amount = $3,
                disputed_amount = case when $4::numeric is not null then greatest($3 - $4::numeric, 0)
                                       else least(disputed_amount, $3) end,
                collectible_amount = coalesce($4::numeric, greatest($3 - least(disputed_amount, $3), 0)),
                due_date = coalesce($5::date, due_date),
                state = coalesce($6::text, case when state = 'PAID' and $3 > 0 then 'OPEN' else state end),
                updated_at = $7
            where tenant_id = $1 and invoice_id = $2""";

    static final String PLAN = """
            insert into payment_plan (tenant_id, plan_id, buyer_id, state, updated_at, principal) values ($1, $2, $3, 'AGREED', $4, $5)
            on conflict (tenant_id, plan_id) do update set state = 'AGREED', updated_at = $4, principal = $5, ended_on = null""";
    static final String PLAN_COVERS = """
            update open_invoice set plan_id = $2, plan_frozen_left = disputed_amount, released_beside_plan = 0
            where tenant_id = $1 and invoice_id = any($3)""";
    /**
     * A dispute on an invoice of an agreed plan was resolved ({@code $3} disputed, {@code $4} of it credited): what of
     * it was frozen when the plan was agreed and is not credited is released beside the plan
     * ({@link io.tradecredit.collections.domain.PaymentPlanItems}); a dispute raised after the plan releases nothing.
     */
    static final String RESOLVED_BESIDE_PLAN = """
            update open_invoice o set
                released_beside_plan = o.released_beside_plan + greatest(least($3::numeric, o.plan_frozen_left) - $4::numeric, 0),
                plan_frozen_left = o.plan_frozen_left - least($3::numeric, o.plan_frozen_left)
            from payment_plan p
            where o.tenant_id = $1 and o.invoice_id = $2 and p.tenant_id = o.tenant_id and p.plan_id = o.plan_id
                and p.state = 'AGREED'""";
    static final String INSTALMENT = """
            insert into plan_instalment (tenant_id, plan_id, number, due_date, currency, amount, principal)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, plan_id, number) do update set due_date = $4, currency = $5, amount = $6, principal = $7""";
    static final String MISSED = "update plan_instalment set missed = true where tenant_id = $1 and plan_id = $2 and number = $3";
    /** The agreed plans covering any of the invoices, each instalment a row in order (a plan without any: none). */
    static final String AGREED_PLANS_OF = """
            select p.plan_id, p.principal as plan_principal, i.number, i.due_date, trim(i.currency) as currency, i.amount,
                coalesce(i.principal, i.amount) as principal, i.missed
            from payment_plan p join plan_instalment i on i.tenant_id = p.tenant_id and i.plan_id = p.plan_id
            where p.tenant_id = $1 and p.state = 'AGREED' and p.plan_id in (select o.plan_id from open_invoice o
                where o.tenant_id = $1 and o.invoice_id = any($2) and o.plan_id is not null)
            order by p.plan_id, i.number""";
    /** The plans' open invoices, in the run's order (earliest due, then number). */
    static final String PLAN_INVOICES = """
            select plan_id, invoice_id, due_date, open_amount, disputed_amount, released_beside_plan from open_invoice
            where tenant_id = $1 and plan_id = any($2) and state = 'OPEN' order by due_date, invoice_number, invoice_id""";
    static final String INSTALMENTS_OWE = """
            update plan_instalment t set open_amount = x.open from unnest($3::int[], $4::numeric[]) as x(number, open)
            where t.tenant_id = $1 and t.plan_id = $2 and t.number = x.number""";
    static final String ENDED = """
            update payment_plan set state = $3, updated_at = $4, ended_on = $5 where tenant_id = $1 and plan_id = $2""";

    static final String REGISTERED = """
            insert into buyer (tenant_id, buyer_id, name, country, registration_number, tax_id, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, buyer_id) do update set name = $3, country = $4, registration_number = $5,
                tax_id = $6, updated_at = $7""";
    static final String GRADED = """
            insert into buyer (tenant_id, buyer_id, grade, updated_at) values ($1, $2, $3, $4)
            on conflict (tenant_id, buyer_id) do update set grade = $3, updated_at = $4""";
    static final String BLOCKED = """
            insert into buyer (tenant_id, buyer_id, name, blocked, block_reason, insolvent, updated_at)
            values ($1, $2, $3, $4, $5, $7, $6)
            on conflict (tenant_id, buyer_id) do update set name = coalesce(buyer.name, $3), blocked = $4,
                block_reason = $5, insolvent = $7, updated_at = $6""";
    static final String INSOLVENCY_CLAIM_OPENED = """
            insert into insolvency_claim (tenant_id, claim_id, buyer_id, opened_at) values ($1, $2, $3, $4)
            on conflict do nothing""";
    static final String INSOLVENCY_CLAIM_ENDED = "delete from insolvency_claim where tenant_id = $1 and claim_id = $2";

    public Uni<Void> issued(String tenantId, UUID invoiceId, UUID buyerId, String invoiceNumber, String poNumber,
            String buyerName, String currency, BigDecimal total, BigDecimal open, LocalDate issueDate,
            LocalDate dueDate, String paymentTerms, String[] sellerNameAddressTaxIdBankAccount, String buyerAddress,
            OffsetDateTime now) {
        String[] seller = sellerNameAddressTaxIdBankAccount;
        return run(ISSUED, tenantId, invoiceId, buyerId, invoiceNumber, poNumber, buyerName, currency, total, open,
                issueDate, dueDate, paymentTerms, now, seller[0], seller[1], seller[2], seller[3], buyerAddress);
    }

    public Uni<Void> lateCharges(String tenantId, UUID invoiceId, LocalDate asOf, BigDecimal interest, BigDecimal fee,
            BigDecimal total, BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate, String termsSource,
            String legalBasis, OffsetDateTime now) {
        return run(LATE_CHARGES, tenantId, invoiceId, asOf, interest, fee, total, dailyRate, feeAfterDays, feeRate,
                termsSource, legalBasis, now);
    }

    /** {@code collectible}, {@code dueDate} and {@code state} may be null: left as they are (see {@link #AMOUNTS}). */
    public Uni<Void> amounts(String tenantId, UUID invoiceId, BigDecimal open, BigDecimal collectible,
            LocalDate dueDate, String state, OffsetDateTime now) {
        // an invoice whose issued event is not applied yet: the event waits for it, then is parked (not skipped)
        return CurrentTransaction.execute(AMOUNTS, CurrentTransaction.params(tenantId, invoiceId, open, collectible,
                dueDate, state, now)).chain(rows -> rows.rowCount() > 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new EarlierEventMissing(
                                "invoice " + invoiceId + " of tenant " + tenantId + " is not issued here yet")));
    }

    public Uni<Void> planAgreed(String tenantId, UUID planId, UUID buyerId, UUID[] invoiceIds, BigDecimal principal,
            OffsetDateTime now) {
        return run(PLAN, tenantId, planId, buyerId, now, principal)
                .chain(() -> run(PLAN_COVERS, tenantId, planId, invoiceIds));
    }

    /** A dispute of {@code disputed}, {@code credited} of it, was resolved on the invoice: see {@link #RESOLVED_BESIDE_PLAN}. */
    public Uni<Void> disputeResolved(String tenantId, UUID invoiceId, BigDecimal disputed, BigDecimal credited) {
        return run(RESOLVED_BESIDE_PLAN, tenantId, invoiceId, disputed, credited);
    }

    /** {@code principal} may be null (events before invoice-service stated it): the amount counts. */
    public Uni<Void> instalment(String tenantId, UUID planId, int number, LocalDate dueDate, String currency,
            BigDecimal amount, BigDecimal principal) {
        return run(INSTALMENT, tenantId, planId, number, dueDate, currency, amount, principal);
    }

    public Uni<Void> instalmentMissed(String tenantId, UUID planId, int number) {
        return run(MISSED, tenantId, planId, number);
    }

    /** An agreed plan as the run reads it, its instalments' currency, and its open invoices (open and disputed amounts). */
    public record AgreedPlan(RunBatchRows.PlanRow plan, String currency, List<PlanInvoice> invoices) {
    }

    /** An open invoice of a plan. */
    public record PlanInvoice(UUID invoiceId, LocalDate dueDate, BigDecimal open, BigDecimal disputed,
            BigDecimal releasedBesidePlan) {
    }

    /** The agreed plans covering any of {@code invoiceIds} (none: one statement), with their open invoices. */
    public Uni<List<AgreedPlan>> agreedPlansOf(String tenantId, UUID[] invoiceIds) {
        return CurrentTransaction.execute(AGREED_PLANS_OF, CurrentTransaction.params(tenantId, invoiceIds)).chain(rows -> {
            Map<UUID, List<RunBatchRows.InstalmentRow>> instalments = new LinkedHashMap<>();
            Map<UUID, BigDecimal> principal = new HashMap<>();
            Map<UUID, String> currency = new HashMap<>();
            rows.forEach(r -> {
                UUID plan = r.getUUID("plan_id");
                principal.put(plan, r.getBigDecimal("plan_principal"));
                currency.put(plan, r.getString("currency"));
                instalments.computeIfAbsent(plan, k -> new ArrayList<>()).add(new RunBatchRows.InstalmentRow(
                        r.getInteger("number"), r.getLocalDate("due_date"), r.getBigDecimal("amount"),
                        r.getBigDecimal("principal"), r.getBoolean("missed")));
            });
            if (instalments.isEmpty()) {
                return Uni.createFrom().item(List.<AgreedPlan>of());
            }
            return CurrentTransaction.execute(PLAN_INVOICES, CurrentTransaction.params(tenantId,
                    instalments.keySet().toArray(UUID[]::new))).map(invoiceRows -> {
                        Map<UUID, List<PlanInvoice>> invoices = new HashMap<>();
                        invoiceRows.forEach(r -> invoices.computeIfAbsent(r.getUUID("plan_id"), k -> new ArrayList<>())
                                .add(new PlanInvoice(r.getUUID("invoice_id"), r.getLocalDate("due_date"), r.getBigDecimal("open_amount"),
                                        r.getBigDecimal("disputed_amount"), r.getBigDecimal("released_beside_plan"))));
                        List<AgreedPlan> out = new ArrayList<>();
                        instalments.forEach((plan, list) -> out.add(new AgreedPlan(new RunBatchRows.PlanRow(plan,
                                principal.get(plan), null, list), currency.get(plan), invoices.getOrDefault(plan, List.of()))));
                        return out;
                    });
        });
    }

    /** What each instalment of the plan owes now ({@code numbers[n]} owes {@code open[n]}). */
    public Uni<Void> instalmentsOwe(String tenantId, UUID planId, Integer[] numbers, BigDecimal[] open) {
        return run(INSTALMENTS_OWE, tenantId, planId, numbers, open);
    }

    /** Whether the buyer has a payment plan still agreed (neither broken nor completed). */
    public Uni<Boolean> hasAgreedPlan(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select 1 from payment_plan where tenant_id = $1 and buyer_id = $2"
                + " and state = 'AGREED' limit 1", CurrentTransaction.params(tenantId, buyerId)).map(rows -> rows.size() > 0);
    }

    /** The plan ended {@code BROKEN} or {@code COMPLETED} on {@code endedOn}. */
    public Uni<Void> planEnded(String tenantId, UUID planId, String state, LocalDate endedOn, OffsetDateTime now) {
        return run(ENDED, tenantId, planId, state, now, endedOn);
    }

    public Uni<Void> buyerRegistered(String tenantId, UUID buyerId, String name, String country,
            String registrationNumber, String taxId, OffsetDateTime now) {
        return run(REGISTERED, tenantId, buyerId, name, country, registrationNumber, taxId, now);
    }

    public Uni<Void> buyerGraded(String tenantId, UUID buyerId, int grade, OffsetDateTime now) {
        return run(GRADED, tenantId, buyerId, grade, now);
    }

    /** {@code insolvent}: blocked for an insolvency filing (false when lifted). */
    public Uni<Void> buyerBlocked(String tenantId, UUID buyerId, String name, boolean blocked, String reason,
            boolean insolvent, OffsetDateTime now) {
        return run(BLOCKED, tenantId, buyerId, name, blocked, reason, now, insolvent);
    }

    public Uni<Void> insolvencyClaimOpened(String tenantId, UUID claimId, UUID buyerId, OffsetDateTime now) {
        return run(INSOLVENCY_CLAIM_OPENED, tenantId, claimId, buyerId, now);
    }

    public Uni<Void> insolvencyClaimEnded(String tenantId, UUID claimId) {
        return run(INSOLVENCY_CLAIM_ENDED, tenantId, claimId);
    }

    private static Uni<Void> run(String sql, Object... parameters) {
        return CurrentTransaction.execute(sql, CurrentTransaction.params(parameters)).replaceWithVoid();
    }
}
