package io.tradecredit.e2e;

import static io.tradecredit.e2e.harness.Api.await;
import static io.tradecredit.e2e.harness.Api.call;
import static io.tradecredit.e2e.harness.Api.money;
import static io.tradecredit.e2e.harness.Api.token;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.tradecredit.e2e.harness.Api;
import io.tradecredit.e2e.harness.GreenMail;
import io.tradecredit.e2e.harness.Platform;

/**
 * One scenario's tenant (a fresh one each time) and the calls its people and its ERP make: the
 * seller 上海精工机械有限公司 selling to Chinese buyers, with a contact each at notification-service.
 */
final class Tenant {
    final String id;
    final String erp;
    final String manager;
    final String collector;
    final String admin;

    Tenant(String scenario) {
        id = Api.freshTenant(scenario);
        erp = token(id, "finance");
        manager = token(id, "credit-manager");
        collector = token(id, "collector");
        admin = token(id, "tenant-admin");
    }

    /**
     * Dunning every day of the week (each step on its own date; weekend shifts are the service's
     * tests' matter) and sending at any hour (the default window, 09:00-18:00 Shanghai on weekdays,
     * would hold messages whenever the build happens to run).
     */
    Tenant worksAndSendsEveryDay() {
        call("collections-service", admin).body(Map.of("weekend", List.of(), "dayCount", "CALENDAR_DAYS"))
                .put("/api/v1/dunning/calendar").then().statusCode(200);
        call("notification-service", admin).body(Map.of("sender", Map.of("fromName", "上海精工机械有限公司",
                "fromAddress", "ar@jinggong.example", "letterhead", "上海精工机械有限公司\n上海市浦东新区港湾路1号",
                "signatory", "财务部 张三", "contact", Map.of("name", "张三", "phone", "+86 21 5888 1234",
                        "email", "ar@jinggong.example")),
                "sendWindow", Map.of("opens", "00:00", "closes", "23:59:59", "days", List.of("MONDAY", "TUESDAY",
                        "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))))
                .put("/api/v1/notification-settings").then().statusCode(200);
        return this;
    }

    /** A buyer registered at credit-service, with a credit limit and one contact (email, mobile, post, zh-CN). */
    Buyer buyer(String name, String limit) {
        String uscc = Api.uscc();
        // in China the unified social credit code is also the taxpayer's number
        String id = call("credit-service", manager).body(Map.of("name", name, "country", "CN",
                "registrationNumber", uscc, "taxId", uscc, "address", "深圳市福田区市场街8号", "industry", "wholesale",
                "foundedOn", "2005-03-01", "currency", "CNY", "paymentTermDays", 30))
                .post("/api/v1/buyers").then().statusCode(201).extract().path("id");
        call("credit-service", manager).body(Map.of("limit", money(limit), "reason", "first review"))
                .put("/api/v1/buyers/" + id + "/credit-limit").then().statusCode(200);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Buyer buyer = new Buyer(id, name, "ap-" + tag + "@buyer.example",
                String.format("+86 138 %04d %04d", Math.abs(tag.hashCode()) % 10000, (int) (Math.random() * 10000)));
        call("notification-service", admin).body(Map.of("name", "王芳", "function", "应付账款", "email", buyer.email,
                "mobile", buyer.mobile, "postalAddress", "深圳市福田区市场街8号 518000", "language", "zh-CN"))
                .post("/api/v1/buyers/" + id + "/contacts").then().statusCode(201);
        return buyer;
    }

    record Buyer(String id, String name, String email, String mobile) {
    }

    /** The subject with which invoice-service asks a zh-CN buyer to confirm an invoice's receipt (on issue). */
    static final String RECEIPT_REQUEST_SUBJECT = "请确认收到";

    /** The emails in the buyer's inbox that ask it to confirm invoices' receipt, one per request that issued some. */
    static List<GreenMail.Mail> receiptRequests(Buyer buyer) {
        return Platform.harness().mail().inbox(buyer.email()).stream()
                .filter(m -> m.subject().startsWith(RECEIPT_REQUEST_SUBJECT)).toList();
    }

    /** The emails in the buyer's inbox the dunning ladder sent (all but the receipt requests), oldest first. */
    static List<GreenMail.Mail> dunningMails(Buyer buyer) {
        return Platform.harness().mail().inbox(buyer.email()).stream()
                .filter(m -> !m.subject().startsWith(RECEIPT_REQUEST_SUBJECT)).toList();
    }

    /** Issues an invoice of {@code total} CNY through the ERP; returns its id. */
    String issue(Buyer buyer, String number, LocalDate issued, LocalDate due, String total) {
        return call("invoice-service", erp).body(Map.of("invoiceNumber", number, "issueDate", issued.toString(),
                "shipmentDate", issued.minusDays(1).toString(),
                "seller", Map.of("name", "上海精工机械有限公司", "address", "上海市浦东新区港湾路1号",
                        "taxId", "91310000MA1FL8XQ30", "bankAccount", "CN12 3456 7890"),
                "buyer", Map.of("id", buyer.id(), "name", buyer.name(), "address", "深圳市福田区市场街8号",
                        "taxId", "91440300MA5F0XYZ1K"),
                "purchaseOrderNumber", "PO-2231",
                "lines", List.of(Map.of("description", "液压泵", "quantity", "1", "unitPrice", money(total))),
                "tax", money("0.00"), "total", money(total), "dueDate", due.toString()))
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id");
    }

    /** Waits until collections' read model would dun the buyer on {@code asOf} (it learns invoices from invoice-events). */
    void awaitDunnable(Buyer buyer, LocalDate asOf) {
        await("collections knows " + buyer.name() + "'s invoices", () -> !call("collections-service", collector)
                .queryParam("asOf", asOf.toString()).queryParam("buyerId", buyer.id())
                .get("/api/v1/dunning/runs/preview").then().statusCode(200).extract().jsonPath().getList("").isEmpty());
    }

    /** A payment received today, allocated to the invoice. */
    void pay(Buyer buyer, String invoice, String amount) {
        call("invoice-service", erp).body(Map.of("buyerId", buyer.id(), "amount", money(amount),
                "receivedOn", Api.today().toString(), "reference", "bank transfer",
                "allocations", List.of(Map.of("invoiceId", invoice, "amount", money(amount)))))
                .post("/api/v1/payments").then().statusCode(201);
    }

    /** The buyer's messages at notification-service, as its staff sees them. */
    List<Map<String, Object>> messages(Buyer buyer) {
        return call("notification-service", admin).queryParam("buyerId", buyer.id()).queryParam("size", 500)
                .get("/api/v1/messages").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The request id of the buyer's message of that template on that channel, once it is sent. */
    String awaitMessage(Buyer buyer, String template, String channel) {
        String[] id = new String[1];
        try {
            await(template + " by " + channel + " sent", () -> {
                for (Map<String, Object> m : messages(buyer)) {
                    if (template.equals(m.get("templateKey")) && channel.equals(m.get("channel"))
                            && List.of("SENT", "DELIVERED").contains(m.get("status"))) {
                        id[0] = (String) m.get("requestId");
                        return true;
                    }
                }
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // what the buyer was sent instead tells a missing step (never requested) from a stuck or failed delivery
            throw new AssertionError(template + " by " + channel + " not sent to " + buyer.name() + "; its messages: "
                    + messages(buyer).stream().map(m -> m.get("templateKey") + "/" + m.get("channel") + "/" + m.get("status")
                            + (m.get("reason") == null ? "" : " (" + m.get("reason") + ")") + " next " + m.get("nextAttemptAt"))
                            .toList(), e);
        }
        return id[0];
    }

    /** The buyer's entry in the collectors' worklist. */
    JsonPath worklistEntry(Buyer buyer) {
        JsonPath page = call("collections-service", collector).queryParam("size", 500)
                .get("/api/v1/collections/worklist").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (buyer.id().equals(items.get(i).get("buyerId"))) {
                return JsonPath.from(page.prettify()).setRootPath("items[" + i + "]");
            }
        }
        throw new AssertionError(buyer.name() + " not in the worklist: " + page.prettify());
    }

    JsonPath caseOf(String caseId) {
        return call("collections-service", collector).get("/api/v1/collections/cases/" + caseId).then()
                .statusCode(200).extract().jsonPath();
    }
}
