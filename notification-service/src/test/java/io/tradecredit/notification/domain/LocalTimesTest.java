package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalTimesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void anAlertRaisedAt2328UtcOnThe7thWasRaisedAt0728OnThe8thInShanghai() {
        assertEquals(Map.of("raisedAtLocal", "2026-12-08 07:28 (UTC+08:00)"),
                LocalTimes.of(Map.of("raisedAt", "2026-12-07T23:28:31.340618869Z"), SHANGHAI));
    }

    @Test
    void aMomentStatedWithAnOffsetIsReadInTheRecipientsZoneNotTheRequestersOffset() {
        assertEquals(Map.of("raisedAtLocal", "2026-12-07 17:30 (UTC+08:00)"),
                LocalTimes.of(Map.of("raisedAt", "2026-12-07T10:30:00+01:00"), SHANGHAI));
        assertEquals(Map.of("raisedAtLocal", "2026-12-07 09:30 (UTC+00:00)"),
                LocalTimes.of(Map.of("raisedAt", "2026-12-07T09:30Z"), ZoneId.of("UTC")));
        assertEquals(Map.of("raisedAtLocal", "2026-07-01 03:00 (UTC-07:00)"),
                LocalTimes.of(Map.of("raisedAt", "2026-07-01T10:00Z"), ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void onlyTopLevelMomentsNamedAtAreRead() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("raisedAt", "2026-12-07T09:30Z");
        data.put("receivedAt", "yesterday");
        data.put("checkedAt", 1765099800);
        data.put("dueDate", "2026-12-07T09:30Z");
        data.put("alert", Map.of("raisedAt", "2026-12-07T09:30Z"));
        data.put("decidedAt", "2026-12-07");
        assertEquals(Map.of("raisedAtLocal", "2026-12-07 17:30 (UTC+08:00)"), LocalTimes.of(data, SHANGHAI));
    }
}
