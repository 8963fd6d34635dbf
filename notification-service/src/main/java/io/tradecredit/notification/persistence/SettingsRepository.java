package io.tradecredit.notification.persistence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.BusinessDays;
import io.tradecredit.notification.domain.ChannelOrder;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.domain.SenderIdentity;
import io.tradecredit.notification.domain.SmsLength;

/**
 * A tenant's notification settings (table tenant_notification_settings, one row; none: the defaults),
 * their window on the tenant's business days (tenant_business_days, the calendar collections-service
 * shared; none: the window's weekdays alone). A tenant with neither has no settings of its own.
 */
@ApplicationScoped
public class SettingsRepository {
    /** Each asked tenant's settings row and business days, those with either. */
    static final String FIND = """
            select t.tid, s.*, b.holidays as business_holidays, b.make_up_working_days as business_make_up_days
            from unnest($1::text[]) as t(tid)
            left join tenant_notification_settings s on s.tenant_id = t.tid
            left join tenant_business_days b on b.tenant_id = t.tid
            where s.tenant_id is not null or b.tenant_id is not null""";

    public Uni<Optional<NotificationSettings>> find(String tenantId) {
        return findAll(new String[] {tenantId}).map(found -> Optional.ofNullable(found.get(tenantId)));
    }

    /** The settings of those of {@code tenantIds} that have their own, with one statement. */
    public Uni<Map<String, NotificationSettings>> findAll(String[] tenantIds) {
        return CurrentTransaction.execute(FIND, Tuple.of((Object) tenantIds)).map(rows -> {
            Map<String, NotificationSettings> found = new HashMap<>();
            rows.forEach(r -> found.put(r.getString("tid"), settings(r)));
            return found;
        });
    }

    /**
     * Keeps the business days of the tenant's calendar as set at {@code setAt}; a calendar set earlier than
     * the one kept (an older event read late) changes nothing; whether it was kept.
     */
    public Uni<Boolean> saveBusinessDays(String tenantId, BusinessDays b, OffsetDateTime setAt, OffsetDateTime receivedAt) {
        return CurrentTransaction.execute("""
                insert into tenant_business_days (tenant_id, holidays, make_up_working_days, set_at, received_at)
                values ($1, $2, $3, $4, $5) on conflict (tenant_id) do update set holidays = excluded.holidays,
                    make_up_working_days = excluded.make_up_working_days, set_at = excluded.set_at,
                    received_at = excluded.received_at
                where tenant_business_days.set_at <= excluded.set_at""",
                Tuple.of(tenantId, b.holidays().stream().sorted().toArray(LocalDate[]::new),
                        b.makeUpWorkingDays().stream().sorted().toArray(LocalDate[]::new), setAt, receivedAt))
                .map(rows -> rows.rowCount() == 1);
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
                .addString(id == null ? null : id.contact().phone()).addString(id == null ? null : id.contact().email())
                .addString(s.language().tag()).addString(s.timeZone().getId()).addInteger(s.sms().maxParts());
        return CurrentTransaction.execute("insert into tenant_notification_settings (tenant_id, from_name, from_address,"
                + " reply_to, letterhead, signatory, channel_order, window_opens, window_closes, window_days, updated_at,"
                + " updated_by, contact_name, contact_phone, contact_email, language, time_zone, sms_max_parts) values ($1, $2, $3,"
                + " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) on conflict (tenant_id) do"
                + " update set from_name = $2, from_address = $3, reply_to = $4, letterhead = $5, signatory = $6,"
                + " channel_order = $7, window_opens = $8, window_closes = $9, window_days = $10, updated_at = $11,"
                + " updated_by = $12, contact_name = $13, contact_phone = $14, contact_email = $15, language = $16, time_zone = $17,"
                + " sms_max_parts = $18", t)
                .replaceWithVoid();
    }

    static NotificationSettings settings(Row r) {
        NotificationSettings own = r.getString("tenant_id") == null ? NotificationSettings.DEFAULT : ownSettings(r);
        LocalDate[] holidays = r.getArrayOfLocalDates("business_holidays");
        return holidays == null ? own
                : own.on(new BusinessDays(Set.of(holidays), Set.of(r.getArrayOfLocalDates("business_make_up_days"))));
    }

    private static NotificationSettings ownSettings(Row r) {
        SenderIdentity sender = r.getString("from_address") == null ? null
                : new SenderIdentity(r.getString("from_name"), r.getString("from_address"), r.getString("reply_to"),
                        r.getString("letterhead"), r.getString("signatory"), new SenderIdentity.ContactPerson(
                                r.getString("contact_name"), r.getString("contact_phone"), r.getString("contact_email")));
        ChannelOrder order = new ChannelOrder(Arrays.stream(r.getString("channel_order").split(","))
                .map(ChannelType::valueOf).toList());
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(r.getString("window_days").split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        String language = r.getString("language");
        return new NotificationSettings(sender, order,
                new SendWindow(r.getLocalTime("window_opens"), r.getLocalTime("window_closes"), days),
                language == null ? null : Language.ofTag(language).orElseThrow(),
                r.getString("time_zone") == null ? null : java.time.ZoneId.of(r.getString("time_zone")),
                r.getInteger("sms_max_parts") == null ? null : new SmsLength(r.getInteger("sms_max_parts")));
    }
}
