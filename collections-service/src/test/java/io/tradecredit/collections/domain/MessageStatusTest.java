package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageStatusTest {
    @Test
    void onlyAFailedOrUnknownMessageNeedsACollectorNotAWithdrawnOne() {
        assertEquals(List.of(MessageStatus.FAILED, MessageStatus.UNKNOWN), Arrays.stream(MessageStatus.values())
                .filter(MessageStatus::needsCollector).toList());
    }
}
