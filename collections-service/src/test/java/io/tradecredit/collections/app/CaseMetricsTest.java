package io.tradecredit.collections.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Database;

/** The cases-by-state gauge as Prometheus scrapes it from {@code /q/metrics}, counted in the database. */
@QuarkusTest
public class CaseMetricsTest {
    @Inject
    CollectionCases cases;

    @Inject
    CaseMetrics caseMetrics;

    @Test
    void theCasesByStateGaugeShowsTheDatabasesCountsAfterARefresh() {
        LocalDate today = PlatformZone.today();
        run(() -> cases.openFor("acme", UUID.randomUUID(), today, "dunning-run"));
        CaseView legal = run(() -> cases.openFor("globex", UUID.randomUUID(), today, "dunning-run"));
        run(() -> cases.move("globex", legal.id(), CaseState.LEGAL, "lena", null));
        CaseView closed = run(() -> cases.openFor("acme", UUID.randomUUID(), today, "dunning-run"));
        run(() -> cases.close("acme", closed.id(), CloseReason.ABANDONED, "lena", null));

        run(() -> caseMetrics.refresh().replaceWith(true));

        for (CaseState s : CaseState.values()) {
            long inDb = Database.count("select count(*) from collection_case where state = ?", s.name());
            assertEquals(inDb, (long) metric("tradecredit_collections_cases", "state=\"" + s.name() + "\""),
                    s + " cases, all tenants");
        }
        assertEquals(true, metric("tradecredit_collections_cases", "state=\"LEGAL\"") >= 1);
    }

    /** The value of the series of {@code name} whose labels contain {@code label}, 0 when there is none. */
    public static double metric(String name, String label) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
