package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One buyer of the demo book as credit-service registers it and notification-service reaches it,
 * with the conduct that decides how it pays.
 */
public record DemoBuyer(int index, String name, String country, String registrationNumber, String address,
        String industry, LocalDate foundedOn, int paymentTermDays, BigDecimal creditLimit, Conduct conduct,
        String contactName, String language, String email, String mobile) {

    /** How a buyer pays its invoices, and the one-off part it plays in the book. */
    public enum Conduct {
        /** pays in full around the due date */
        PROMPT,
        /** pays in full one to six weeks late */
        LATE,
        /** pays half some days late, the rest a month or two later */
        PARTIAL,
        /** paid on time until three months ago, nothing since: dunned, a case, handed to the agency */
        STOPPED,
        /** pays on time, and its receivables are insured */
        INSURED,
        /** insured; stopped paying, then an insolvency filing blocks it and opens a claim */
        INSOLVENT,
        /** pays on time but disputes part of one invoice, and pays only the undisputed part */
        DISPUTING,
        /** fell behind; today agrees a payment plan for the overdue invoices */
        ON_PLAN;

        public boolean insured() {
            return this == INSURED || this == INSOLVENT;
        }
    }

    public boolean chinese() {
        return "CN".equals(country);
    }
}
