package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class AssessmentRecordTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T10:00:00Z");

    /** A buyer with no statement, no history and a year of age: the neutral assessment, as history keeps it. */
    @Test
    void theHistoryKeepsTheScoreTheGradeTheGradeBeforeAndWhy() {
        Buyer b = BuyerTest.buyer();
        b.grade = 3;
        Assessment a = Assessment.of(new Assessment.Inputs(null, null, null, AS_OF.minusYears(1), Set.of(), AS_OF),
                ScoringPolicy.DEFAULT);
        AssessmentRecord r = AssessmentRecord.of(b, a, "buyer registered", AT);
        assertNotNull(r.id);
        assertEquals(b.tenantId, r.tenantId);
        assertEquals(b.id, r.buyerId);
        assertEquals(a.score(), r.score);
        assertEquals(a.grade(), r.grade);
        assertEquals(Integer.valueOf(3), r.previousGrade);
        assertEquals(a.factors(), r.factors);
        assertEquals("buyer registered", r.cause);
        assertEquals(AT, r.assessedAt);
    }

    @Test
    void factorsAreStoredAsOneDocumentAndReadBackTheSame() {
        var factors = java.util.List.of(new Assessment.Factor("payment", 73, new BigDecimal("0.30"),
                new BigDecimal("21.90"), "10 days beyond terms on average"));
        FactorsConverter converter = new FactorsConverter();
        String stored = converter.convertToDatabaseColumn(factors);
        assertEquals("[{\"name\":\"payment\",\"score\":73,\"weight\":0.30,\"points\":21.90,"
                + "\"explanation\":\"10 days beyond terms on average\"}]", stored);
        assertEquals(factors, converter.convertToEntityAttribute(stored));
    }

    /** invoice-service moved the due date (a plan, an extension): the change keeps everything else it says. */
    @Test
    void aChangeWithAnotherDueDateKeepsEverythingElse() {
        UUID invoice = UUID.randomUUID();
        LedgerChange c = new LedgerChange(invoice, "INV-1", Money.of("100.00", "CNY"), Money.of("40.00", "CNY"),
                AS_OF, new BigDecimal("5.00"), null, null, AS_OF.minusDays(30), Money.of("1.00", "CNY"), AS_OF);
        LedgerChange moved = c.withDueDate(AS_OF.plusDays(30));
        assertEquals(new LedgerChange(invoice, "INV-1", Money.of("100.00", "CNY"), Money.of("40.00", "CNY"),
                AS_OF.plusDays(30), new BigDecimal("5.00"), null, null, AS_OF.minusDays(30), Money.of("1.00", "CNY"),
                AS_OF), moved);
        // a credit note stays one
        assertEquals(true, LedgerChange.creditNote(invoice, Money.of("0.00", "CNY")).withDueDate(AS_OF).creditNote());
    }
}
