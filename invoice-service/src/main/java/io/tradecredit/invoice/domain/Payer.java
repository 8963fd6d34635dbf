package io.tradecredit.invoice.domain;

/**
 * Who paid a payment: the buyer itself, or the buyer's credit insurer paying an indemnity on
 * the buyer's invoices (the debt stays the buyer's; the money came from the insurer).
 */
public record Payer(Kind kind, String name) {
    public enum Kind {
        BUYER,
        INSURER
    }

    public static final Payer BUYER = new Payer(Kind.BUYER, null);

    public static Payer insurer(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an insurer payment names its insurer");
        }
        return new Payer(Kind.INSURER, name.strip());
    }
}
