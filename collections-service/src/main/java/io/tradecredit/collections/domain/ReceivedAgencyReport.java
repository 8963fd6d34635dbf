package io.tradecredit.collections.domain;

import java.util.UUID;

import io.tradecredit.common.domain.DomainError;

/**
 * An agency's report as its id keeps it (docs/agencies.md, "A report"): the id the agency gave it, its topic's
 * {@code ce_id} or its REST {@code Idempotency-Key}, told apart per tenant and agency, whichever door it came through
 * first. The same report sent again, through either door, is a replay of this one: it changes nothing and answers what
 * the first did ({@link #replayOf}).
 *
 * @param said           what the report said ({@link AgencyUpdate#said}), to tell its replay from another report under
 *                       the same id
 * @param via            the door it came through first, {@code topic} or {@code rest}
 * @param caseState      the case's state after it
 * @param placementEnded whether it ended the case's stay with the agency
 */
public record ReceivedAgencyReport(String reportId, String said, String via, CaseState caseState, boolean placementEnded) {

    /**
     * This report received again, saying {@code said}: the same report (case and every field alike) is a replay of it;
     * another report under its id is refused (422 {@code agency-report.id-reused}; on the topic the DLQ's reason), since
     * taking it for a replay would drop it silently and applying it would make the id name two reports.
     */
    public ReceivedAgencyReport replayOf(String said) {
        if (!this.said.equals(said)) {
            throw DomainError.unprocessable("agency-report.id-reused", "Report id '" + reportId + "' was already given to"
                    + " another report (received via " + via + "): give each report its own id, and send the same id only"
                    + " with the very same report");
        }
        return this;
    }

    /** What a report about {@code caseId} says, as {@link #said} keeps it. */
    static String said(UUID caseId, AgencyUpdate u) {
        return String.join("|", String.valueOf(caseId), u.kind().name(), String.valueOf(u.reportedOn()),
                u.amount() == null ? "" : u.amount().currencyCode() + " " + u.amount().amountText(),
                String.valueOf(u.promisedFor()), u.note() == null ? "" : u.note());
    }
}
