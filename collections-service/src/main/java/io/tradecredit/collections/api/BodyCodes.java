package io.tradecredit.collections.api;

import java.io.IOException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;

/**
 * A body with a value that cannot be read (a state {@code FOO}) is refused by the chassis's whole-body reading, naming
 * every wrong field, but without a {@code code}; the door's own refusal of a readable body has one. Around that reading
 * (it runs first, so it sees the chassis's refusal), the bodies listed here get their door's code either way: a client
 * tells the refusals apart by code, whatever made the body wrong. Until session 34 {@code PUT .../state} with
 * {@code {"state":"FOO","closeReason":"BAR"}} answered 400 naming both fields with no code, and so did
 * {@code POST .../calls} with {@code {"reason":"FOO"}} ({@code call.invalid}) and {@code POST .../promises} with
 * {@code {"amount":{"amount":"abc"}}} ({@code promise.invalid}).
 */
@Provider
@Priority(Priorities.USER - 100)
public class BodyCodes implements ReaderInterceptor {
    static final Map<Class<?>, String> CODES = Map.of(CaseResource.StateRequest.class, "case.move-invalid",
            CaseResource.CallRequest.class, "call.invalid", CaseResource.PromiseRequest.class, "promise.invalid");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String code = CODES.get(context.getType());
        if (code == null) {
            return context.proceed();
        }
        try {
            return context.proceed();
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            if (p.code() != null || p.status() != 400) {
                throw refused;
            }
            throw new ProblemException(new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), p.errors(), code));
        }
    }
}
