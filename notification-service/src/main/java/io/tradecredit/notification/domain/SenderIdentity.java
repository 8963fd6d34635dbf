package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * Who a tenant's messages come from: the name and address in From, where replies go, the
 * letterhead text printed at the top of letters and emails, who signs them, and the contact person
 * a buyer may ask about the letter (docs/domain.md §3: a dunning letter names a contact person).
 *
 * @param contact the tenant's contact person for questions; {@link ContactPerson#NONE} when not set
 */
public record SenderIdentity(String fromName, String fromAddress, String replyTo, String letterhead,
        String signatory, ContactPerson contact) {

    /** The tenant's person for a buyer's questions: each field optional ("" when not set). */
    public record ContactPerson(String name, String phone, String email) {
        public static final ContactPerson NONE = new ContactPerson("", "", "");

        public ContactPerson {
            name = name == null ? "" : name.strip();
            phone = phone == null ? "" : phone.strip();
            email = email == null ? "" : email.strip();
        }
    }

    public SenderIdentity {
        contact = contact == null ? ContactPerson.NONE : contact;
    }

    /** An identity without a contact person of its own. */
    public SenderIdentity(String fromName, String fromAddress, String replyTo, String letterhead, String signatory) {
        this(fromName, fromAddress, replyTo, letterhead, signatory, ContactPerson.NONE);
    }

    /**
     * Whom a letter names for questions: the contact person as set, a field left out taken from the
     * identity (the signatory's name; the reply-to, else the From address; no phone).
     */
    public ContactPerson questionsTo() {
        return new ContactPerson(contact.name().isEmpty() ? signatory : contact.name(), contact.phone(),
                contact.email().isEmpty() ? (replyTo == null ? fromAddress : replyTo) : contact.email());
    }

    /** An identity as a tenant sets it, with its contact person (null: none), refused naming every wrong field. */
    public static SenderIdentity of(String fromName, String fromAddress, String replyTo, String letterhead,
            String signatory, ContactPerson contact) {
        List<Violation> wrong = new ArrayList<>();
        SenderIdentity identity = null;
        try {
            identity = of(fromName, fromAddress, replyTo, letterhead, signatory);
        } catch (DomainError e) {
            wrong.addAll(e.violations());
        }
        ContactPerson c = contact == null ? ContactPerson.NONE : contact;
        if (!c.email().isEmpty() && !EmailAddress.isValid(c.email())) {
            wrong.add(new Violation("sender.contact.email", "must be an email address when given"));
        }
        if (!c.phone().isEmpty() && !PHONE.matcher(c.phone()).matches()) {
            wrong.add(new Violation("sender.contact.phone", "must be a telephone number: digits, spaces, + ( ) -,"
                    + " 5 to 30 characters"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("sender.invalid", "The sender identity is incomplete", wrong);
        }
        return new SenderIdentity(identity.fromName, identity.fromAddress, identity.replyTo, identity.letterhead,
                identity.signatory, c);
    }

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[+0-9 ()-]{5,30}");

    /** An identity as a tenant sets it, refused naming every wrong field. */
    public static SenderIdentity of(String fromName, String fromAddress, String replyTo, String letterhead,
            String signatory) {
        fromAddress = fromAddress == null ? null : fromAddress.strip();
        replyTo = replyTo == null ? null : replyTo.strip();
        List<Violation> wrong = new ArrayList<>();
        if (blank(fromName)) {
            wrong.add(new Violation("sender.fromName", "must be given: the name buyers see in From"));
        }
        if (!EmailAddress.isValid(fromAddress)) {
            wrong.add(new Violation("sender.fromAddress", "must be an email address, e.g. ar@acme.example"));
        }
        if (replyTo != null && !EmailAddress.isValid(replyTo)) {
            wrong.add(new Violation("sender.replyTo", "must be an email address when given"));
        }
        if (blank(signatory)) {
            wrong.add(new Violation("sender.signatory", "must be given: letters are signed"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("sender.invalid", "The sender identity is incomplete", wrong);
        }
        return new SenderIdentity(fromName.strip(), fromAddress, replyTo, letterhead == null ? "" : letterhead,
                signatory.strip());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
