package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * Who a tenant's messages come from: the name and address in From, where replies go, the
 * letterhead text printed at the top of letters and emails, and who signs them.
 */
public record SenderIdentity(String fromName, String fromAddress, String replyTo, String letterhead,
        String signatory) {

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
