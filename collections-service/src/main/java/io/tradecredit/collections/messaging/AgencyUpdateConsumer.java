package io.tradecredit.collections.messaging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tradecredit.collections.app.AgencyPlacements;
import io.tradecredit.collections.domain.AgencyUpdate;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.CloudEventHeaders;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.PoisonMessageException;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Every agency's reports, from every {@code agency.<code>.updates} topic (one pattern subscription),
 * each applied once through the chassis inbox by {@link AgencyPlacements#receive}: the agency is
 * the topic's, the tenant the event's {@code tenantid}. A report that cannot be read, or is about a
 * case that is not with that agency in that tenant now, is logged and goes to the dead-letter topic
 * of its own agency's topic ({@code agency.<code>.updates.dlq.collections-service}, so an agency's
 * errors stay its own) with the reason in {@code dead-letter-reason}.
 */
@ApplicationScoped
public class AgencyUpdateConsumer {
    static final String CONSUMER = "collections-service";
    static final String TYPE = "io.tradecredit.agency.case-update.v1";
    private static final Logger LOG = Logger.getLogger(AgencyUpdateConsumer.class);

    /** The release's topic prefix: the subscription's topics are <prefix>agency.<code>.updates. */
    @ConfigProperty(name = TopicNames.PREFIX_PROPERTY)
    Optional<String> topicPrefix;

    @Inject
    Inbox inbox;

    @Inject
    AgencyPlacements placements;

    @Inject
    BusinessTimeZone businessZone;

    @Incoming("agency-updates")
    public Uni<Void> on(Message<String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord()).orElseThrow();
        String agencyCode = agencyOf(topicPrefix.orElse(""), record.topic());
        String reportId = header(record, CloudEventHeaders.ID);
        return inbox.receive(CONSUMER, scoped(agencyCode, record), e -> apply(agencyCode, reportId, e))
                .onItemOrFailure().transformToUni((applied, failure) -> Uni.createFrom()
                        .completionStage(failure == null ? message.ack() : deadLetter(message, record, failure)));
    }

    private static CompletionStage<Void> deadLetter(Message<String> message, ConsumerRecord<String, String> record,
            Throwable failure) {
        LOG.warnf("agency update %s on %s refused, to the DLQ: %s", record.key(), record.topic(), failure.getMessage());
        String dlq = TopicNames.deadLetter(record.topic(), CONSUMER);
        return message.nack(failure, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withTopic(dlq).build()));
    }

    /**
     * @param reportId the agency's own id of the report, its {@code ce_id}: the same report sent over REST with it as its
     *                 {@code Idempotency-Key}, before or after, is applied once ({@link AgencyPlacements#receive})
     */
    Uni<Void> apply(String agencyCode, String reportId, IncomingEvent e) {
        if (!TYPE.equals(e.type())) {
            throw new PoisonMessageException("unknown type " + e.type() + ": agencies report " + TYPE);
        }
        EventFields d = e.fields();
        AgencyUpdate.Kind kind;
        LocalDate reportedOn;
        Money amount;
        LocalDate promisedFor;
        String note;
        LocalDate today = businessZone.today();
        try {
            kind = d.oneOf(AgencyUpdate.Kind.class, "kind");
            reportedOn = d.date("reportedOn");
            amount = d.optionalMoney("amount").orElse(null);
            promisedFor = d.has("promisedFor") ? d.date("promisedFor") : null;
            note = d.optionalText("note").orElse(null);
            // every field the report's own rules refuse, before its case is looked up
            AgencyUpdate.reported(kind, reportedOn, amount, promisedFor, note, today);
        } catch (DomainError invalid) {
            throw new PoisonMessageException("unreadable update: " + describe(invalid), invalid);
        }
        // read again about its case: reportedOn before the hand-off, amount.currency outside the contract or the case
        return placements.receive(e.tenantId(), agencyCode, d.uuid("caseId"), reportId,
                held -> AgencyUpdate.reported(kind, reportedOn, amount, promisedFor, note, today, held), "topic")
                .onFailure(DomainError.class).transform(refused -> new PoisonMessageException(
                        "refused: " + describe(refused), refused))
                .invoke(a -> {
                    if (a.replayed()) {
                        LOG.infof("agency %s report %s received before (through REST): skipped", agencyCode, reportId);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The record as the inbox keys it: an agency's event ids are its own, so its {@code ce_id} is scoped by the agency (the
     * topic's) and the tenant ({@code ce_tenantid}), {@code agency.<code>/<tenant>/<ce_id>}. Two agencies, or one agency for
     * two tenants, may number their reports alike ({@code r-1}) and each report is applied once; the same agency's retry
     * with the same id for the same tenant is still applied once. Until session 34 the inbox keyed on {@code ce_id} alone:
     * a second agency's {@code r-1} was taken for a duplicate of the first's and silently dropped. A record without either
     * header is left as it is (the inbox refuses it as unreadable).
     */
    static ConsumerRecord<String, String> scoped(String agencyCode, ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String tenant = header(record, CloudEventHeaders.TENANT_ID);
        if (id == null || tenant == null) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(CloudEventHeaders.ID);
        headers.add(CloudEventHeaders.ID, ("agency." + agencyCode + "/" + tenant + "/" + id).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), record.value(),
                headers, record.leaderEpoch());
    }

    /** The header's text; null when absent. */
    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String agencyOf(String prefix, String topic) {
        return topic.substring((prefix + "agency.").length(), topic.length() - ".updates".length());
    }

    private static String describe(Throwable t) {
        if (t instanceof DomainError de && !de.violations().isEmpty()) {
            return de.getMessage() + " " + de.violations();
        }
        return t.getMessage();
    }
}
