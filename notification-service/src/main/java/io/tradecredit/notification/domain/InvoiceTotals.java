package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradecredit.common.money.Money;

/**
 * What a dunning message asks for in all (docs/domain.md §3: the invoices and their amounts): the amounts its items
 * ask for, summed per currency in the order the currencies first appear, each item's as its line prints it (a plan's
 * instalment: what is open of it; else the invoice's collectible part, its disputed part not dunned); and the same with
 * each item's stated late charges added (their {@code total}, else interest plus fee), as the request carries them.
 * An amount that cannot be read makes no total (none rather than a wrong one).
 *
 * <p>Worked example: INV-A 10,000.00 CNY (late charges 535.00 CNY in all) and INV-B's instalment 2, 2,000.00 CNY
 * open: 12,000.00 CNY, with the late charges 12,535.00 CNY; and 500.00 USD beside them: "12000.00 CNY; 500.00 USD".
 */
public final class InvoiceTotals {
    private InvoiceTotals() {
    }

    /** The amounts the items ask for, per currency ({@code amount}, {@code currency}); empty when one cannot be read. */
    public static List<Map<String, String>> asked(List<?> invoices) {
        return summed(invoices, false);
    }

    /**
     * The amounts the items ask for with their stated late charges, per currency; empty when no item states late charges
     * or an amount cannot be read.
     */
    public static List<Map<String, String>> withLateCharges(List<?> invoices) {
        return summed(invoices, true);
    }

    private static List<Map<String, String>> summed(List<?> invoices, boolean lateCharges) {
        Map<String, Money> sums = new LinkedHashMap<>();
        boolean charged = false;
        try {
            for (Object i : invoices) {
                if (!(i instanceof Map<?, ?> invoice)) {
                    return List.of();
                }
                add(sums, invoice.get("instalment") instanceof Map<?, ?> instalment ? instalment.get("openAmount")
                        : invoice.get("collectibleAmount"));
                if (lateCharges && invoice.get("lateCharges") instanceof Map<?, ?> charges) {
                    charged = true;
                    if (charges.get("total") instanceof Map<?, ?>) {
                        add(sums, charges.get("total"));
                    } else {
                        add(sums, charges.get("interest"));
                        add(sums, charges.get("fee"));
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        if (lateCharges && !charged) {
            return List.of();
        }
        List<Map<String, String>> out = new ArrayList<>();
        sums.values().forEach(m -> out.add(Map.of("amount", m.amountText(), "currency", m.currencyCode())));
        return out;
    }

    private static void add(Map<String, Money> sums, Object amount) {
        if (!(amount instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("no amount");
        }
        Money money = Money.fromJson(m.get("amount") == null ? null : String.valueOf(m.get("amount")),
                m.get("currency") == null ? null : String.valueOf(m.get("currency")));
        sums.merge(money.currencyCode(), money, Money::plus);
    }
}
