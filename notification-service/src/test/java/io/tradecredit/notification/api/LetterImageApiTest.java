package io.tradecredit.notification.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.domain.Proof;

/** The tenant's logo and company seal over REST: PNG only, size-limited, tenant-admin writes, each tenant its own. */
@QuarkusTest
class LetterImageApiTest {
    static ValidatableResponse upload(String tenant, String role, String kind, Object png) {
        return given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                .body(png == null ? Map.of() : Map.of("png", png instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : png))
                .put("/api/v1/letter-images/" + kind).then();
    }

    @Test
    void aTenantAdminUploadsTheSealAndItsStaffReadItBack() {
        String tenant = freshTenant();
        byte[] seal = Pdfs.sealPng(300);
        upload(tenant, "tenant-admin", "seal", seal).statusCode(200)
                .body("kind", equalTo("SEAL"), "width", equalTo(300), "height", equalTo(300), "bytes", equalTo(seal.length),
                        "sha256", equalTo(Proof.sha256(seal)));

        byte[] back = given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/letter-images/seal").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(seal, back);

        byte[] logo = Pdfs.sealPng(120);
        upload(tenant, "tenant-admin", "logo", logo).statusCode(200).body("kind", equalTo("LOGO"), "width", equalTo(120));
        byte[] bigger = Pdfs.sealPng(400);
        upload(tenant, "tenant-admin", "seal", bigger).statusCode(200).body("width", equalTo(400));
        assertArrayEquals(bigger, given().auth().oauth2(token(tenant, "finance")).get("/api/v1/letter-images/seal").then()
                .statusCode(200).extract().asByteArray());
    }

    @Test
    void onlyATenantAdminUploadsOrRemoves() {
        String tenant = freshTenant();
        for (String role : new String[] {"finance", "credit-manager", "collector", "viewer"}) {
            upload(tenant, role, "seal", Pdfs.sealPng(100)).statusCode(403);
            given().auth().oauth2(token(tenant, role)).delete("/api/v1/letter-images/seal").then().statusCode(403);
        }
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/letter-images/seal").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/letter-images/seal").then().statusCode(401);
    }

    @Test
    void anythingButAUsablePngIsRefusedNamingPngAndChangesNothing() {
        String tenant = freshTenant();
        byte[] seal = Pdfs.sealPng(200);
        upload(tenant, "tenant-admin", "seal", seal).statusCode(200);

        byte[] jpeg = Arrays.copyOf(seal, seal.length);
        jpeg[1] = 'J';
        upload(tenant, "tenant-admin", "seal", jpeg).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("png"), "errors.message", contains("must be a PNG image (image/png)"));
        // a PNG header on a body cut short: it cannot be decoded, so it would break the letter later
        upload(tenant, "tenant-admin", "seal", Arrays.copyOf(seal, 60)).statusCode(400)
                .body("errors.field", contains("png"), "errors.message", contains(containsString("cannot be decoded")));
        upload(tenant, "tenant-admin", "seal", "not base64!").statusCode(400).body("errors.field", contains("png"));
        upload(tenant, "tenant-admin", "seal", null).statusCode(400).body("errors.field", contains("png"));
        byte[] huge = Arrays.copyOf(seal, 262_145);
        upload(tenant, "tenant-admin", "seal", huge).statusCode(400)
                .body("errors.message", contains("must be at most 262144 bytes, is 262145"));

        assertArrayEquals(seal, given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/letter-images/seal").then()
                .statusCode(200).extract().asByteArray());
    }

    @Test
    void eachTenantSeesOnlyItsOwnImagesAndRemovesThem() {
        String acme = freshTenant();
        upload(acme, "tenant-admin", "seal", Pdfs.sealPng(100)).statusCode(200);
        String other = freshTenant();
        given().auth().oauth2(token(other, "viewer")).get("/api/v1/letter-images/seal").then().statusCode(404);
        given().auth().oauth2(token(other, "tenant-admin")).delete("/api/v1/letter-images/seal").then().statusCode(404);

        given().auth().oauth2(token(acme, "tenant-admin")).delete("/api/v1/letter-images/seal").then().statusCode(204);
        given().auth().oauth2(token(acme, "viewer")).get("/api/v1/letter-images/seal").then().statusCode(404);
        given().auth().oauth2(token(acme, "viewer")).get("/api/v1/letter-images/signature").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
