package io.tradecredit.common.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * REST request bodies are read strictly: a property the operation does not know (a typo such as
 * {@code lines[0].colour}, or a field of another version of the API) answers 400 naming it by its
 * JSON path ({@code ProblemMappers.unrecognizedField}), and nothing is changed. Silently dropping
 * it would let a client believe a value was stored that never was.
 *
 * <p>A record's unknown properties are named even when its constructor would refuse the rest: a
 * body that fails is read again checking names first ({@link KnownFieldsFirst}, in
 * {@link WholeBodyReading}), so well-formed bodies pay nothing for it. Only the REST layer uses this mapper. The application's {@link ObjectMapper} stays tolerant:
 * Kafka consumers read events that evolve by adding fields, and JSON the service stored itself
 * (idempotent replies, job counts) must stay readable when a record gains or loses a field.
 */
@Provider
@Singleton
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;
    private final ObjectMapper namesFirst;

    @Inject
    StrictRequestBodies(ObjectMapper tolerant) {
        // a copy keeps the application's modules and settings (money, stored-input limits, dates)
        this.strict = tolerant.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.namesFirst = strict.copy().registerModule(new SimpleModule("tradecredit-known-fields-first")
                .setDeserializerModifier(new KnownFieldsFirst.Modifier()));
    }

    /**
     * The strict reader that checks every object's names before building it: slower (each object
     * is copied), so {@link WholeBodyReading} uses it only to explain a body that failed.
     */
    ObjectMapper namesFirst() {
        return namesFirst;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
