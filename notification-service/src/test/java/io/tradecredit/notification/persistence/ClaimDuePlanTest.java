package io.tradecredit.notification.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.PostgresTestResource;

/**
 * The delivery worker's claim stays linear in the queued messages under the plan PostgreSQL caches for a prepared
 * statement (a generic plan) made while the statistics saw none queued: what a burst of requests after a quiet
 * spell meets. In the emails benchmark the claim took 262 ms a call and PostgreSQL 3–4 ms of CPU per email.
 */
@QuarkusTest
class ClaimDuePlanTest {
    private static final Pattern TOP = Pattern.compile(
            "Update on message \\(actual time=\\S+ rows=(\\d+) loops=1\\)\\s*\n\\s*Buffers: shared hit=(\\d+)");

    @Test
    void aBurstOfTwoThousandQueuedAfterAQuietSpellIsClaimedWithoutRescanningTheQueuePerRow() throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("""
                        insert into message (request_id, tenant_id, purpose, template_key, recipient_kind, critical,
                            legally_required, data, status, channel, attempts, next_attempt_at, requested_at, updated_at)
                        select gen_random_uuid(), 'plan-test', 'dunning', 'dunning.friendly-reminder', 'BUYER', true, false,
                            '{}'::jsonb, 'SENT', 'EMAIL', 1, now() - interval '1 minute', now(), now()
                        from generate_series(1, 2000)""");
                s.execute("analyze message"); // the statistics of a quiet spell: nothing queued
                s.execute("update message set status = 'QUEUED' where tenant_id = 'plan-test'");
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("prepare claim(timestamptz, text[], int) as " + MessageRepository.CLAIM_DUE);
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = s.executeQuery("explain (analyze, buffers, costs off) execute claim(now(), '{EMAIL}', 100)")) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                Matcher top = TOP.matcher(plan);
                assertTrue(top.find(), plan.toString());
                assertEquals(100, Integer.parseInt(top.group(1)), "a claim of 100 claims 100\n" + plan);
                // the queue once: a few thousand pages; per queued row again: millions (9.8 million before)
                assertTrue(Long.parseLong(top.group(2)) < 100_000, "pages read: " + top.group(2) + "\n" + plan);
            } finally {
                c.rollback();
            }
        }
    }
}
