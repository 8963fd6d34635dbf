package io.tradecredit.invoice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.InvoiceFixtures;
import io.tradecredit.invoice.client.ApiClient;
import io.tradecredit.invoice.client.ApiException;
import io.tradecredit.invoice.client.ApiResponse;
import io.tradecredit.invoice.client.api.InvoiceResourceApi;
import io.tradecredit.invoice.client.model.InvoiceRequest;
import io.tradecredit.invoice.client.model.InvoiceView;
import io.tradecredit.invoice.client.model.Problem;
import io.tradecredit.testing.ApiDescriptionContract;

/**
 * What an integrator does: generate a client from the API description (the build generates one
 * from {@code src/test/openapi/invoice-service.json}) and call the service with it.
 */
@QuarkusTest
class GeneratedClientTest {
    static final Path STORED = Path.of("src", "test", "openapi", "invoice-service.json");

    @TestHTTPResource("/")
    URI service;

    @Test
    void theStoredCopyIsTheDescriptionTheServiceServes() throws IOException {
        JsonNode stored = new ObjectMapper().readTree(Files.readString(STORED));
        assertEquals(ApiDescriptionContract.apiDescription(), stored, "the API description changed: copy"
                + " target/openapi.json (left by the chassis test) to " + STORED + " and regenerate the client");
    }

    @Test
    void aGeneratedClientIssuesAnInvoiceAndReadsItsMoney() throws ApiException {
        InvoiceResourceApi invoices = new InvoiceResourceApi(client());
        LocalDate today = PlatformZone.today();
        Map<String, Object> sent = InvoiceFixtures.invoice(UUID.randomUUID(), today, today.plusDays(30));
        InvoiceRequest request = client().getObjectMapper().convertValue(sent, InvoiceRequest.class);

        ApiResponse<InvoiceView> issued = invoices.invoiceResourceIssueWithHttpInfo(request, null);

        assertEquals(201, issued.getStatusCode());
        InvoiceView read = invoices.invoiceResourceGet(issued.getData().getId(), null);
        assertEquals("1243.00", read.getTotal().getAmount());
        assertEquals("CNY", read.getTotal().getCurrency());
        assertEquals("1243.00", read.getAmounts().getOpen().getAmount());
    }

    @Test
    void aRefusalReachesTheClientAsItsProblem() throws Exception {
        InvoiceResourceApi invoices = new InvoiceResourceApi(client());
        LocalDate today = PlatformZone.today();
        InvoiceRequest request = client().getObjectMapper().convertValue(
                InvoiceFixtures.invoice(UUID.randomUUID(), today, today.plusDays(30)), InvoiceRequest.class);
        invoices.invoiceResourceIssue(request, null);

        ApiException refused = assertThrows(ApiException.class, () -> invoices.invoiceResourceIssue(request, null));

        assertEquals(409, refused.getCode());
        Problem problem = client().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("invoice.number-taken", problem.getCode());
        assertEquals(409, problem.getStatus());
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + InvoiceFixtures.FINANCE_ACME));
        return client;
    }
}
