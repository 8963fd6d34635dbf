package io.tradecredit.common.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.ProblemException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
    /** The three statements, with positional parameters for the SQL client; {@link #jpa} for a Hibernate session. */
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

    @Inject
    Pool pool;

    /**
     * Runs {@code action} once per (tenant, operation, key). Without a key it just runs it.
     * {@code action} must do its work in the current transaction (Panache.withTransaction joins it).
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
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(jpa(CLAIM))
                .setParameter(1, tenantId).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, hash).setParameter(5, OffsetDateTime.now(clock)).executeUpdate()
                .chain(claimed -> claimed == 1
                        ? action.get().call(response -> s.createNativeQuery(jpa(STORE))
                                .setParameter(1, response.getStatus()).setParameter(2, body(response))
                                .setParameter(3, response.getLocation() == null ? null : response.getLocation().toString())
                                .setParameter(4, tenantId).setParameter(5, operation).setParameter(6, key)
                                .executeUpdate())
                        : s.createNativeQuery(jpa(FIND), Object[].class).setParameter(1, tenantId)
                                .setParameter(2, operation).setParameter(3, key).getResultList()
                                .map(rows -> replay(rows.get(0), hash, type)))));
    }

    /** A statement's PostgreSQL parameters ($1) as JPA ordinal parameters (?1). */
    static String jpa(String sql) {
        return sql.replace('$', '?');
    }

    /**
     * The same for work done on the reactive SQL client: the key is claimed, {@code action} runs
     * and its response is stored in one transaction on one connection, which {@code action} gets.
     * Without a key, {@code action} just runs in a transaction of its own.
     */
    public <T> Uni<RestResponse<T>> onConnection(String tenantId, String operation, String key, Object request,
            Class<T> type, Function<SqlConnection, Uni<RestResponse<T>>> action) {
        if (key == null || key.isBlank()) {
            return pool.withTransaction(action);
        }
        if (key.length() > 200) {
            return Uni.createFrom().failure(keyTooLong());
        }
        String hash = hash(request);
        return pool.withTransaction(c -> c.preparedQuery(CLAIM)
                .execute(Tuple.of(tenantId, operation, key, hash, OffsetDateTime.now(clock)))
                .chain(claimed -> claimed.rowCount() == 1
                        ? action.apply(c).call(response -> c.preparedQuery(STORE).execute(Tuple.from(
                                Arrays.asList(response.getStatus(), body(response), response.getLocation() == null
                                        ? null : response.getLocation().toString(), tenantId, operation, key))))
                        : c.preparedQuery(FIND).execute(Tuple.of(tenantId, operation, key)).map(rows -> {
                            Row row = rows.iterator().next();
                            return replay(new Object[] {row.getString(0), row.getInteger(1), row.getString(2),
                                    row.getString(3)}, hash, type);
                        })));
    }

    private static ProblemException keyTooLong() {
        return ProblemException.invalidField(HEADER, "must be at most 200 characters");
    }

    /** {@code row}: request hash, status, response body, location. */
    private <T> RestResponse<T> replay(Object[] row, String hash, Class<T> type) {
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("This Idempotency-Key was used with a different request.");
        }
        try {
            T entity = row[2] == null ? null : json.readValue((String) row[2], type);
            var replayed = RestResponse.ResponseBuilder.<T>create(((Number) row[1]).intValue()).entity(entity)
                    .header("Idempotent-Replayed", "true");
            if (row[3] != null) {
                replayed.location(java.net.URI.create((String) row[3]));
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
