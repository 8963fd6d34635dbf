package io.tradecredit.collections.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a dunning message already requested is withdrawn (docs/domain.md §3, "Payments act at
 * once": a cancelled message is never sent). A message that went out in the last {@code recentDays}
 * days is withdrawn when every invoice it concerned has nothing collectible left: paid, settled by
 * payments or credit notes, cancelled, written off, wholly disputed, under an agreed payment plan
 * (unless the message dunned the plan's instalments), or in a case its agency settled (the settlement ended
 * that debt: {@link InvoiceNow#settledByAgency()}).
 * While one of them still has something collectible the message still says something true and stays
 * (a partial payment does not withdraw it); an invoice the read model does not know keeps it too.
 * An older message has long been sent: notification-service holds messages for hours or a few days
 * (send window, retries), so looking further back only asks it for nothing.
 */
public record WithdrawalRule(int recentDays) {
    /** Two weeks: longer than any send window and retry schedule keeps a message waiting. */
    public static final WithdrawalRule DEFAULT = new WithdrawalRule(14);
    /** Why every recent message to a buyer in insolvency proceedings is withdrawn. */
    public static final String INSOLVENCY = "buyer in insolvency proceedings";
    /** The longest reason notification-service keeps (its schema's maxLength). */
    static final int REASON_MAX = 500;

    public WithdrawalRule {
        if (recentDays < 1 || recentDays > 90) {
            throw new IllegalArgumentException("recentDays must be 1 to 90, was " + recentDays);
        }
    }

    /** The earliest request time still recent at {@code now}. */
    public Instant since(Instant now) {
        return now.minus(Duration.ofDays(recentDays));
    }

    /** The reason to withdraw {@code m} at {@code now}, given its invoices as they stand; empty to leave it. */
    public Optional<String> reasonToWithdraw(RequestedMessage m, Map<UUID, InvoiceNow> invoices, Instant now) {
        if (m.requestedAt().isBefore(since(now)) || m.invoiceIds().isEmpty()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        for (UUID id : m.invoiceIds()) {
            InvoiceNow invoice = invoices.get(id);
            String because = invoice == null ? null : invoice.nothingCollectibleBecause(m.aboutInstalments());
            if (because == null) {
                return Optional.empty();
            }
            why.add(invoice.invoiceNumber() + " " + because);
        }
        return Optional.of(reason(why));
    }

    /**
     * The reason to withdraw {@code m} at {@code now} from a buyer in insolvency proceedings: whatever its invoices
     * owe, a demand on them is pointless now (the debt is filed with the administrator or claimed from the insurer).
     */
    public Optional<String> reasonToWithdrawFromInsolvent(RequestedMessage m, Instant now) {
        return m.requestedAt().isBefore(since(now)) ? Optional.empty() : Optional.of(INSOLVENCY);
    }

    /** "nothing collectible left: INV-1 paid, INV-2 disputed", shortened to what notification-service keeps. */
    static String reason(List<String> why) {
        StringBuilder out = new StringBuilder("nothing collectible left: ");
        for (int i = 0; i < why.size(); i++) {
            String next = (i == 0 ? "" : ", ") + why.get(i);
            int after = why.size() - i - 1;
            // room for this one, and for saying how many more follow it
            if (out.length() + next.length() + (after == 0 ? 0 : more(after).length()) > REASON_MAX) {
                return out.append(more(why.size() - i)).toString();
            }
            out.append(next);
        }
        return out.toString();
    }

    private static String more(int n) {
        return " and " + n + " more";
    }
}
