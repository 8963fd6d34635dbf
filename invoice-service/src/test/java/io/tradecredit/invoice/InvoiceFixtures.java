package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.tradecredit.testing.Tokens;

/** Invoices as an ERP would send them, and the calls tests make with them. */
public final class InvoiceFixtures {
    /**
     * These tokens are minted once, when the class loads, and shared by the whole suite: they must outlive it.
     * The default 5 minutes did not on a loaded machine (a module's suite then runs for over 15 minutes), and
     * every call after that answered 401.
     */
    private static final long SUITE_SECONDS = 3 * 3600;
    public static final String FINANCE_ACME = Tokens.tenant("acme").roles("finance").expiresIn(SUITE_SECONDS).mint();
    public static final String VIEWER_ACME = Tokens.tenant("acme").roles("viewer").expiresIn(SUITE_SECONDS).mint();
    public static final String FINANCE_GLOBEX = Tokens.tenant("globex").roles("finance")
            .expiresIn(SUITE_SECONDS).mint();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private InvoiceFixtures() {
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A complete invoice of 1,243.00 CNY (lines 1,100.00 + tax 143.00) for the buyer, due on {@code due}. */
    public static Map<String, Object> invoice(UUID buyerId, LocalDate issued, LocalDate due) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceNumber", "INV-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet());
        m.put("issueDate", issued.toString());
        m.put("shipmentDate", issued.minusDays(1).toString());
        m.put("seller", Map.of("name", "Acme Machinery Co.", "address", "1 Harbour Rd, Shanghai",
                "taxId", "91310000MA1FL8XQ30", "bankAccount", "CN12 3456 7890"));
        m.put("buyer", Map.of("id", buyerId.toString(), "name", "Globex Trading Ltd.", "address", "8 Market St, Shenzhen",
                "taxId", "91440300MA5F0XYZ1K"));
        m.put("purchaseOrderNumber", "PO-77");
        m.put("lines", List.of(Map.of("description", "Pump", "quantity", "10", "unitPrice", money("100.00")),
                Map.of("description", "Valve", "quantity", "2.5", "unitPrice", money("40.00"))));
        m.put("tax", money("143.00"));
        m.put("total", money("1243.00"));
        m.put("dueDate", due.toString());
        m.put("paymentTerms", "30 days net");
        return m;
    }

    /** Issues an invoice for the acme tenant and returns its id. */
    public static String issue(Map<String, Object> invoice) {
        return given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(invoice)
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id");
    }
}
