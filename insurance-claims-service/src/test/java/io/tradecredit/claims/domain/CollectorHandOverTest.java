package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.CollectorHandOver.Move;
import io.tradecredit.claims.domain.Deadline.Met;
import io.tradecredit.claims.domain.Deadline.MetBy;
import io.tradecredit.claims.domain.Deadline.Missed;

/**
 * The transfer deadline met by the hand-over to the insurer's named collector. Worked example: due 30 September 2026,
 * transfer within 30 days: by 30 October. The case handed to huaxin-recovery on 20 October meets it (on 20 October);
 * handed to swiftcollect instead, or to huaxin-recovery only on 2 November, it is missed on 31 October.
 */
class CollectorHandOverTest {
    static final String COLLECTOR = "huaxin-recovery";
    static final LocalDate TRANSFER_BY = LocalDate.parse("2026-10-30");
    static final Deadline TRANSFER = new Deadline(DeadlineKind.TRANSFER_TO_COLLECTOR, TRANSFER_BY, DeadlineState.UPCOMING);

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    static Move handed(String on, String agency) {
        return new Move(day(on), true, agency);
    }

    static Move recalled(String on, String agency) {
        return new Move(day(on), false, agency);
    }

    static Deadline.Judgement judge(List<Move> moves, LocalDate asOf) {
        LocalDate upTo = TRANSFER_BY.isBefore(asOf) ? TRANSFER_BY : asOf;
        return TRANSFER.judge(5, DeadlineFacts.NOTHING.withHandOver(CollectorHandOver.since(moves, COLLECTOR, upTo)), asOf);
    }

    @Test
    void aHandOverToTheNamedCollectorOnOrBeforeTheDeadlineMeetsIt() {
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, day("2026-10-20")),
                judge(List.of(handed("2026-10-20", COLLECTOR)), day("2026-10-31")));
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, TRANSFER_BY),
                judge(List.of(handed("2026-10-30", COLLECTOR)), TRANSFER_BY), "on the day itself");
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, day("2026-10-20")),
                judge(List.of(handed("2026-10-20", COLLECTOR)), day("2026-10-22")), "seen before the deadline");
    }

    @Test
    void aHandOverToAnotherAgencyOrTooLateDoesNot() {
        assertEquals(new Missed(), judge(List.of(handed("2026-10-20", "swiftcollect")), day("2026-10-31")));
        assertEquals(new Missed(), judge(List.of(handed("2026-11-02", COLLECTOR)), day("2026-11-03")));
        assertEquals(new Missed(), judge(List.of(), day("2026-10-31")));
    }

    @Test
    void aCaseRecalledBeforeTheDeadlineIsNoLongerWithTheCollector() {
        assertNull(CollectorHandOver.since(List.of(handed("2026-10-01", COLLECTOR), recalled("2026-10-15", COLLECTOR)),
                COLLECTOR, TRANSFER_BY));
        assertEquals(day("2026-10-01"), CollectorHandOver.since(List.of(handed("2026-10-01", COLLECTOR),
                recalled("2026-11-15", COLLECTOR)), COLLECTOR, TRANSFER_BY), "a recall after the deadline changes nothing");
        assertEquals(day("2026-10-01"), CollectorHandOver.since(List.of(handed("2026-10-01", COLLECTOR),
                recalled("2026-10-05", "swiftcollect"), handed("2026-10-09", COLLECTOR)), COLLECTOR, TRANSFER_BY),
                "handed again while there: the first day stays; another agency's recall is not the collector's");
        assertEquals(day("2026-10-20"), CollectorHandOver.since(List.of(handed("2026-10-01", COLLECTOR),
                recalled("2026-10-15", COLLECTOR), handed("2026-10-20", COLLECTOR)), COLLECTOR, TRANSFER_BY));
    }

    @Test
    void aPolicyWithoutTheCollectorsAgencyCodeIsMetOnlyByAClaim() {
        assertNull(CollectorHandOver.since(List.of(handed("2026-10-20", COLLECTOR)), null, TRANSFER_BY));
    }

    @Test
    void theEarlierOfAClaimAndAHandOverMeetsTheTransferAndOnlyTheTransfer() {
        DeadlineFacts claimFirst = new DeadlineFacts(false, null, null, day("2026-10-10"), day("2026-10-20"));
        assertEquals(new Met(MetBy.CLAIM_FILED, day("2026-10-10")), TRANSFER.judge(5, claimFirst, day("2026-10-31")));
        DeadlineFacts handedFirst = new DeadlineFacts(false, null, null, day("2026-10-25"), day("2026-10-20"));
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, day("2026-10-20")), TRANSFER.judge(5, handedFirst,
                day("2026-10-31")));
        DeadlineFacts sameDay = new DeadlineFacts(false, null, null, day("2026-10-20"), day("2026-10-20"));
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, day("2026-10-20")), TRANSFER.judge(5, sameDay, day("2026-10-31")));
        DeadlineFacts claimTooLate = new DeadlineFacts(false, null, null, day("2026-11-02"), day("2026-10-20"));
        assertEquals(new Met(MetBy.HANDED_TO_COLLECTOR, day("2026-10-20")), TRANSFER.judge(5, claimTooLate,
                day("2026-11-03")));
        Deadline fileClaim = new Deadline(DeadlineKind.FILE_CLAIM, TRANSFER_BY, DeadlineState.UPCOMING);
        assertEquals(new Missed(), fileClaim.judge(5, DeadlineFacts.NOTHING.withHandOver(day("2026-10-20")),
                day("2026-10-31")), "a hand-over files no claim");
    }
}
