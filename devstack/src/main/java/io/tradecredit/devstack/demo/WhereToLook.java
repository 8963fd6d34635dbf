package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradecredit.devstack.demo.DemoBuyer.Conduct;

/**
 * Finds, through the same APIs, what a newcomer should open once the book is in: a buyer's mailbox,
 * a letter's PDF, the worklist, the claim of the insolvent buyer; and makes the last two moves of
 * the book that people make today (the claim submitted, a promise to pay taken by the collector).
 */
final class WhereToLook {
    /** the states of a case worked in house, from which it may take a promise or go to an agency */
    private static final Set<String> IN_HOUSE = Set.of("OPEN", "IN_PROGRESS");
    /** the letter that carries the company seal by default: the finance department's demand (+30 DPD) */
    private static final String SEALED_LETTER = "dunning.finance-demand";
    private final PlatformApi api;
    private final BookPlan book;

    WhereToLook(PlatformApi api, BookPlan book) {
        this.api = api;
        this.book = book;
    }

    boolean seeded() {
        return buyerId(book.buyers().get(0)).isPresent();
    }

    Optional<String> buyerId(DemoBuyer buyer) {
        JsonNode page = api.expectGet(BookSeeder.MANAGER, "credit-service", "/api/v1/buyers?registrationNumber="
                + PlatformApi.enc(buyer.registrationNumber()));
        return page.get("items").isEmpty() ? Optional.empty() : Optional.of(page.get("items").get(0).get("id").asText());
    }

    /** The insolvent buyer's claim, opened by insurance-claims-service from the insolvency (waits for it a minute). */
    Optional<JsonNode> claim() {
        String buyer = buyerId(book.insolvency().buyer()).orElseThrow();
        for (int attempt = 0; attempt < 120; attempt++) {
            for (JsonNode c : api.expectGet(BookSeeder.MANAGER, "insurance-claims-service",
                    "/api/v1/insurance/claims?size=500").get("items")) {
                // the buyer may also have a draft from the ladder's +90 claim trigger: the insolvency's is the one
                if (buyer.equals(c.get("buyerId").asText()) && "INSOLVENCY".equals(c.path("cause").asText())) {
                    return Optional.of(c);
                }
            }
            sleep();
        }
        return Optional.empty();
    }

    /** The credit manager submits the claim the insolvency opened as a draft. */
    void submitClaim() {
        claim().filter(c -> "DRAFT".equals(c.get("state").asText())).ifPresent(c -> api.expectPut(BookSeeder.MANAGER,
                "insurance-claims-service", "/api/v1/insurance/claims/" + c.get("id").asText() + "/state",
                Map.of("state", "SUBMITTED", "note", "破产申请已受理，随附法院通知 / filing accepted, court notice attached")));
    }

    /**
     * The collector takes a promise to pay a third of the overdue amount in a week on the first case of the
     * worklist that may take one: worked in house (open or in progress). The cases of the buyers that stopped
     * paying have all gone to legal by today (+60 DPD), which refuses a promise (409 case.move-not-allowed):
     * until session 32 the demo asked only those and took no promise at all.
     */
    void promise() {
        for (JsonNode entry : worklist()) {
            JsonNode caseFile = entry.get("caseFile");
            if (caseFile == null || caseFile.isNull() || !IN_HOUSE.contains(caseFile.path("state").asText())) {
                continue;
            }
            BigDecimal overdue = overdue(entry);
            if (overdue.signum() > 0 && api.post(BookSeeder.COLLECTOR, "collections-service", "/api/v1/collections/cases/"
                    + caseFile.get("id").asText() + "/promises", Map.of("amount", BookSeeder.money(overdue.divide(
                    BigDecimal.valueOf(3), 2, RoundingMode.DOWN)), "promisedDate", book.today().plusDays(7).toString(),
                    "note", "答应下周先付三分之一 / a third by next week")).ok()) {
                return;
            }
        }
    }

    /**
     * The collector hands the demo agency the first case on the worklist still worked in house (open or in
     * progress: a case moved to legal cannot go) that owes CNY overdue; answers the buyer's name, if any.
     */
    Optional<String> handOff() {
        for (JsonNode entry : worklist()) {
            JsonNode caseFile = entry.get("caseFile");
            if (caseFile == null || caseFile.isNull() || !IN_HOUSE.contains(caseFile.path("state").asText())
                    || overdue(entry).signum() <= 0) {
                continue;
            }
            if (api.post(BookSeeder.COLLECTOR, "collections-service", "/api/v1/collections/cases/" + caseFile.get("id")
                    .asText() + "/hand-off", Map.of("agencyCode", BookSeeder.AGENCY)).ok()) {
                String buyerId = entry.get("buyerId").asText();
                return book.buyers().stream().filter(b -> buyerId(b).map(buyerId::equals).orElse(false))
                        .map(DemoBuyer::name).findFirst();
            }
        }
        return Optional.empty();
    }

    /** The case that the demo agency holds now (its buyer's name), once the book is in. */
    private Optional<String> withAgency() {
        for (JsonNode entry : worklist()) {
            JsonNode caseFile = entry.get("caseFile");
            if (caseFile != null && "WITH_AGENCY".equals(caseFile.path("state").asText())) {
                String buyerId = entry.get("buyerId").asText();
                return book.buyers().stream().filter(b -> buyerId(b).map(buyerId::equals).orElse(false))
                        .map(DemoBuyer::name).findFirst();
            }
        }
        return Optional.empty();
    }

    private JsonNode worklist() {
        return api.expectGet(BookSeeder.COLLECTOR, "collections-service", "/api/v1/collections/worklist?size=500")
                .get("items");
    }

    private static BigDecimal overdue(JsonNode entry) {
        for (JsonNode o : entry.path("overdue")) {
            if ("CNY".equals(o.path("currency").asText())) {
                return new BigDecimal(o.path("amount").asText("0"));
            }
        }
        return BigDecimal.ZERO;
    }

    void print() {
        DemoBuyer stopped = book.buyers().stream().filter(b -> b.conduct() == Conduct.STOPPED).findFirst().orElseThrow();
        String stoppedId = buyerId(stopped).orElseThrow();
        String notification = api.url("notification-service");
        String letter = letterOf(stoppedId).map(id -> notification + "/api/v1/messages/" + id + "/content")
                .orElse("(no letter sent yet: " + notification + "/api/v1/messages?buyerId=" + stoppedId + ")");
        String claims = api.url("insurance-claims-service") + "/api/v1/insurance/claims";
        String claim = claim().map(c -> claims + "/" + c.get("id").asText() + "  (and .../dossier)")
                .orElse("(none yet: " + claims + ")");
        String host = api.url("invoice-service").replaceAll(":\\d+$", "");
        String invoice = api.url("invoice-service");
        System.out.println("""
                Where to look (tenant acme; the API calls need a token, see the last lines):
                  Mail (GreenMail)       %1$s:8025/   the mailbox of %2$s: %1$s:8025/api/user/%3$s/messages/
                  SMS (sink)             %1$s:8026/messages
                  A dunning letter (PDF) %4$s   (Accept: application/pdf)
                  Collector's worklist   %5$s/api/v1/collections/worklist
                  The agency's case      ./platform agency read 10   (%12$s)
                  The insolvency claim   %6$s
                  Aging and DSO          %7$s/api/v1/reports/aging   %7$s/api/v1/reports/dso
                  The dispute, the plan  %7$s/api/v1/invoices?invoiceNumber=%8$s   %7$s/api/v1/payment-plans?buyerId=%9$s
                  Buyers and grades      %10$s/api/v1/buyers?size=100
                Log in as acme-admin (or acme-collector, acme-credit-manager; password = user name):
                  TOKEN=$(curl -s -d grant_type=password -d client_id=tradecredit-cli -d username=acme-admin \\
                    -d password=acme-admin %11$s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -H "Authorization: Bearer $TOKEN" %5$s/api/v1/collections/worklist
                  curl -H "Authorization: Bearer $TOKEN" -H "Accept: application/pdf" -o letter.pdf %4$s"""
                .formatted(host, stopped.name(), stopped.email(), letter, api.url("collections-service"), claim,
                        invoice, book.dispute().invoice().number(), buyerId(book.plan().buyer()).orElse(""),
                        api.url("credit-service"), api.tokenUrl(), withAgency().map(name -> "the case of " + name
                                + " handed to " + BookSeeder.AGENCY).orElse("none handed to " + BookSeeder.AGENCY + " yet")));
    }

    /** The buyer's latest letter not failed, the finance department's demand (sealed) before any other. */
    private Optional<String> letterOf(String buyerId) {
        Optional<String> any = Optional.empty();
        for (JsonNode m : api.expectGet(BookSeeder.ADMIN, "notification-service", "/api/v1/messages?size=500&buyerId="
                + buyerId).get("items")) {
            if ("LETTER".equals(m.path("channel").asText()) && !m.path("status").asText().equals("FAILED")) {
                if (SEALED_LETTER.equals(m.path("templateKey").asText())) {
                    return Optional.of(m.get("requestId").asText());
                }
                any = any.or(() -> Optional.of(m.get("requestId").asText()));
            }
        }
        return any;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
