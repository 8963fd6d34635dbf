package io.tradecredit.notification.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * The order in which a tenant's messages try the channels when the request names none, and
 * the order of the fallback after a channel failed one for good ({@link Fallback}), e.g. email, then SMS, then letter.
 */
public record ChannelOrder(List<ChannelType> channels) {
    public static final ChannelOrder DEFAULT = new ChannelOrder(List.of(ChannelType.EMAIL, ChannelType.SMS,
            ChannelType.LETTER));

    public ChannelOrder {
        channels = List.copyOf(channels);
    }

    /** An order as a tenant sets it: at least one channel, none twice. */
    public static ChannelOrder of(List<ChannelType> channels) {
        if (channels == null || channels.isEmpty() || channels.stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainError.invalid("channel-order.invalid", "The channel order is empty",
                    List.of(new Violation("channelOrder", "must list at least one of EMAIL, SMS, LETTER, WEBHOOK")));
        }
        Set<ChannelType> seen = EnumSet.noneOf(ChannelType.class);
        for (ChannelType c : channels) {
            if (!seen.add(c)) {
                throw DomainError.invalid("channel-order.invalid", "A channel is listed twice",
                        List.of(new Violation("channelOrder", c + " is listed twice")));
            }
        }
        return new ChannelOrder(channels);
    }
}
