package io.tradecredit.notification.persistence;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelOrder;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.domain.SenderIdentity;

/** A tenant's notification settings (table tenant_notification_settings, one row; none: the defaults). */
@ApplicationScoped
public class SettingsRepository {

    public Uni<Optional<NotificationSettings>> find(String tenantId) {
        return CurrentTransaction.execute("select * from tenant_notification_settings where tenant_id = $1",
                Tuple.of(tenantId)).map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(settings(it.next())) : Optional.empty();
                });
    }

    /** The settings of those of {@code tenantIds} that have their own, with one statement. */
    public Uni<Map<String, NotificationSettings>> findAll(String[] tenantIds) {
        return CurrentTransaction.execute("select * from tenant_notification_settings where tenant_id = any($1)",
                Tuple.of((Object) tenantIds)).map(rows -> {
                    Map<String, NotificationSettings> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString("tenant_id"), settings(r)));
                    return found;
                });
    }

    public Uni<Void> save(String tenantId, NotificationSettings s, OffsetDateTime at, String by) {
        SenderIdentity id = s.sender();
        Tuple t = Tuple.tuple().addString(tenantId).addString(id == null ? null : id.fromName())
                .addString(id == null ? null : id.fromAddress()).addString(id == null ? null : id.replyTo())
                .addString(id == null ? null : id.letterhead()).addString(id == null ? null : id.signatory())
                .addString(s.channelOrder().channels().stream().map(Enum::name).collect(Collectors.joining(",")))
                .addLocalTime(s.sendWindow().opens()).addLocalTime(s.sendWindow().closes())
                .addString(EnumSet.copyOf(s.sendWindow().days()).stream().map(Enum::name).collect(Collectors.joining(",")))
                .addOffsetDateTime(at).addString(by).addString(id == null ? null : id.contact().name())
                .addString(id == null ? null : id.contact().phone()).addString(id == null ? null : id.contact().email());
        return CurrentTransaction.execute("insert into tenant_notification_settings (tenant_id, from_name, from_address,"
                + " reply_to, letterhead, signatory, channel_order, window_opens, window_closes, window_days, updated_at,"
                + " updated_by, contact_name, contact_phone, contact_email) values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10, $11, $12, $13, $14, $15) on conflict (tenant_id) do"
                + " update set from_name = $2, from_address = $3, reply_to = $4, letterhead = $5, signatory = $6,"
                + " channel_order = $7, window_opens = $8, window_closes = $9, window_days = $10, updated_at = $11,"
                + " updated_by = $12, contact_name = $13, contact_phone = $14, contact_email = $15", t).replaceWithVoid();
    }

    static NotificationSettings settings(Row r) {
        SenderIdentity sender = r.getString("from_address") == null ? null
                : new SenderIdentity(r.getString("from_name"), r.getString("from_address"), r.getString("reply_to"),
                        r.getString("letterhead"), r.getString("signatory"), new SenderIdentity.ContactPerson(
                                r.getString("contact_name"), r.getString("contact_phone"), r.getString("contact_email")));
        ChannelOrder order = new ChannelOrder(Arrays.stream(r.getString("channel_order").split(","))
                .map(ChannelType::valueOf).toList());
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(r.getString("window_days").split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        return new NotificationSettings(sender, order,
                new SendWindow(r.getLocalTime("window_opens"), r.getLocalTime("window_closes"), days));
    }
}
