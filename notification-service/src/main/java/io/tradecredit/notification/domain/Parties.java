package io.tradecredit.notification.domain;

/**
 * The two companies a dunning letter names with their addresses (docs/domain.md §3: "both
 * companies' names and addresses"): the seller, the creditor, as the request gives it (what its
 * invoices print), and the buyer. A part the request leaves out is taken from what the service
 * knows, never invented: the seller's name from the tenant's sender identity, else the platform's
 * name (a tenant that set nothing and a request without a seller); the buyer's address from the
 * contact's postal address. An address known nowhere is "" and the letter leaves its line out.
 */
public final class Parties {
    private Parties() {
    }

    /** A company as a letter prints it; "" for what is not known. */
    public record Party(String name, String address) {
        public Party {
            name = orEmpty(name);
            address = orEmpty(address);
        }
    }

    /** The seller of the request ({@code requested}, null fields allowed), completed. */
    public static Party seller(Party requested, SenderIdentity sender, String platformName) {
        String name = !requested.name().isEmpty() ? requested.name() : sender != null ? sender.fromName() : platformName;
        return new Party(name, requested.address());
    }

    /** The buyer of the request, its address completed from the contact's postal address (null: none). */
    public static Party buyer(Party requested, Contact contact) {
        String address = !requested.address().isEmpty() || contact == null ? requested.address() : contact.postalAddress();
        return new Party(requested.name(), address);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
