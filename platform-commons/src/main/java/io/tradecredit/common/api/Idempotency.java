package io.tradecredit.common.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes a creating POST safe to retry: with an {@code Idempotency-Key} header, the first call's
 * response is stored in the same transaction as what it created, and a retry with the same key
 * gets that response again instead of creating a second time. A concurrent retry waits for the
 * first to commit. The same key with a different request is refused (422).
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final String CLAIM = "insert into idempotency_key (tenant_id, operation, key, request_hash, created_at)"
            + " values ($1, $2, $3, $4, $5) on conflict do nothing";
    static final String FIND = "select request_hash, status, response_body, location from idempotency_key"
            + " where tenant_id = $1 and operation = $2 and key = $3";
    static final String STORE = "update idempotency_key set status = $1, response_body = $2, location = $3"
            + " where tenant_id = $4 and operation = $5 and key = $6";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Runs {@code action} once per (tenant, operation, key), in one transaction with the key and
     * the stored answer ({@link CurrentTransaction}: the action joins it, whether it writes
     * entities or plain SQL). Without a key it just runs it.
     */
    public <T> Uni<RestResponse<T>> once(String tenantId, String operation, String key, Object request, Class<T> type,
            Supplier<Uni<RestResponse<T>>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            return Uni.createFrom().failure(keyTooLong());
        }
        String hash = hash(request);
        return CurrentTransaction.run(() -> CurrentTransaction.execute(CLAIM,
                Tuple.of(tenantId, operation, key, hash, OffsetDateTime.now(clock)))
                .chain(claimed -> claimed.rowCount() == 1
                        ? action.get().call(response -> CurrentTransaction.execute(STORE, CurrentTransaction.params(
                                response.getStatus(), body(response), response.getLocation() == null ? null
                                        : response.getLocation().toString(), tenantId, operation, key)))
                        : CurrentTransaction.execute(FIND, Tuple.of(tenantId, operation, key))
                                .map(rows -> replay(rows.iterator().next(), hash, type))));
    }

    private static ProblemException keyTooLong() {
        return ProblemException.invalidField(HEADER, "must be at most 200 characters");
    }

    private <T> RestResponse<T> replay(Row row, String hash, Class<T> type) {
        if (!hash.equals(row.getString("request_hash"))) {
            throw ProblemException.unprocessable("This Idempotency-Key was used with a different request.");
        }
        try {
            String body = row.getString("response_body");
            T entity = body == null ? null : json.readValue(body, type);
            var replayed = RestResponse.ResponseBuilder.<T>create(row.getInteger("status")).entity(entity)
                    .header("Idempotent-Replayed", "true");
            String location = row.getString("location");
            if (location != null) {
                replayed.location(java.net.URI.create(location));
            }
            return replayed.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response unreadable", e);
        }
    }

    private String body(RestResponse<?> response) {
        try {
            return response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request not hashable", e);
        }
    }
}
