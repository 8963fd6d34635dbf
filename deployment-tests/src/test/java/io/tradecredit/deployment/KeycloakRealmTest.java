package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Secret;
import io.tradecredit.deployment.Manifests.Manifest;

/** One realm for ./platform up, docker-compose and the chart: devstack's tradecredit-realm.json. */
class KeycloakRealmTest {

    @Test
    void theChartsRealmFileIsDevstacksRealm() throws IOException {
        // helm/tradecredit/files/tradecredit-realm.json links to devstack's file; a copy must stay equal
        assertArrayEquals(Files.readAllBytes(Repository.DEVSTACK_REALM),
                Files.readAllBytes(Repository.CHART.directory().resolve("files/tradecredit-realm.json")));
    }

    @Test
    void theRealmImportCarriesTheRealm() throws IOException {
        JsonNode realm = Manifests.YAML.readTree(Repository.DEVSTACK_REALM.toFile());
        Manifest realmImport = Manifests.ofKind(Rendering.DEMO.manifests(), "KeycloakRealmImport").get(0);
        assertEquals(realm, realmImport.tree().path("spec").path("realm"));
    }

    @Test
    void theRealmSecretCarriesTheRealmFile() throws IOException {
        Manifest secret = Manifests.ofKind(Rendering.REALM_SECRET.manifests(), "Secret").get(0);
        byte[] content = Base64.getDecoder().decode(secret.as(Secret.class).getData().get("tradecredit-realm.json"));
        assertArrayEquals(Files.readAllBytes(Repository.DEVSTACK_REALM), content);
    }
}
