package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * notification-service gets its SMTP server, SMS provider and public URL from values.notification,
 * and its credentials and secrets from the operator's notification Secret (docs/deployment.md);
 * no other service gets them.
 */
class NotificationSettingsTest {
    static Map<String, EnvVar> env(Rendering rendering, String service) {
        Map<String, EnvVar> env = new TreeMap<>();
        RenderedManifestsTest.deployments(rendering.manifests()).get(service).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    @Test
    void productionSendsThroughItsRelayAndProviderWithTheSecretsOfTheNotificationSecret() {
        Map<String, EnvVar> env = env(Rendering.PRODUCTION, "notification-service");
        assertEquals("10.30.0.25", env.get("SMTP_HOST").getValue());
        assertEquals("587", env.get("SMTP_PORT").getValue());
        assertEquals("REQUIRED", env.get("SMTP_START_TLS").getValue());
        assertEquals("REQUIRED", env.get("SMTP_LOGIN").getValue());
        assertEquals("false", env.get("SMTP_TLS").getValue());
        assertEquals("https://api.sms-provider.example.com/v1/sms", env.get("SMS_PROVIDER_URL").getValue());
        assertEquals("https://notification-service.tradecredit.example.com", env.get("NOTIFICATION_PUBLIC_URL").getValue());
        for (String[] fromSecret : new String[][] {{"SMTP_USERNAME", "smtp-username"}, {"SMTP_PASSWORD", "smtp-password"},
                {"SMS_PROVIDER_USERNAME", "sms-username"}, {"SMS_PROVIDER_PASSWORD", "sms-password"},
                {"SMS_REPORT_SECRET", "sms-report-secret"}, {"NOTIFICATION_UNSUBSCRIBE_SECRET", "unsubscribe-secret"}}) {
            SecretKeySelector ref = env.get(fromSecret[0]).getValueFrom().getSecretKeyRef();
            assertEquals("tradecredit-notification", ref.getName(), fromSecret[0]);
            assertEquals(fromSecret[1], ref.getKey(), fromSecret[0]);
            assertNull(env.get(fromSecret[0]).getValue(), fromSecret[0] + " is never a literal");
            // only the unsubscribe secret is required: no SMTP login or SMS credentials may be needed
            assertEquals(!fromSecret[0].equals("NOTIFICATION_UNSUBSCRIBE_SECRET"), Boolean.TRUE.equals(ref.getOptional()),
                    fromSecret[0]);
        }
    }

    @Test
    void byDefaultTheSecretIsNamedAfterTheReleaseAndNoHostOrUrlIsInvented() {
        Map<String, EnvVar> env = env(Rendering.DEFAULTS, "notification-service");
        assertEquals("tradecredit-notification", env.get("NOTIFICATION_UNSUBSCRIBE_SECRET").getValueFrom().getSecretKeyRef()
                .getName());
        assertFalse(env.containsKey("SMTP_HOST"));
        assertFalse(env.containsKey("SMS_PROVIDER_URL"));
        assertFalse(env.containsKey("NOTIFICATION_PUBLIC_URL"), "no ingress, no public URL");
        for (String service : RenderedManifestsTest.deployments(Rendering.DEFAULTS.manifests()).keySet()) {
            if (!service.equals("notification-service")) {
                assertTrue(env(Rendering.DEFAULTS, service).keySet().stream().noneMatch(n -> n.startsWith("SMTP_")
                        || n.startsWith("SMS_") || n.startsWith("NOTIFICATION_")), service);
            }
        }
    }

    @Test
    void aTrustStoreSecretIsMountedReadOnlyAndNamedToTheServiceWithItsPasswordFromTheSecret() {
        Map<String, EnvVar> env = env(Rendering.PRODUCTION, "notification-service");
        assertEquals("/etc/tradecredit/webhook-trust/trust-store.p12", env.get("NOTIFICATION_WEBHOOK_TRUST_STORE").getValue());
        SecretKeySelector password = env.get("NOTIFICATION_WEBHOOK_TRUST_STORE_PASSWORD").getValueFrom().getSecretKeyRef();
        assertEquals("tradecredit-webhook-trust", password.getName());
        assertEquals("trust-store-password", password.getKey());
        var pod = RenderedManifestsTest.deployments(Rendering.PRODUCTION.manifests()).get("notification-service").getSpec()
                .getTemplate().getSpec();
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals("webhook-trust")).findFirst().orElseThrow();
        assertEquals("tradecredit-webhook-trust", volume.getSecret().getSecretName());
        assertEquals("trust-store.p12", volume.getSecret().getItems().get(0).getKey());
        var mount = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals("webhook-trust"))
                .findFirst().orElseThrow();
        assertEquals("/etc/tradecredit/webhook-trust", mount.getMountPath());
        assertTrue(mount.getReadOnly());
    }

    @Test
    void withoutATrustStoreSecretOnlyTheJdksAuthoritiesAreTrustedAndNothingIsMounted() {
        for (Rendering r : new Rendering[] {Rendering.DEFAULTS, Rendering.DEMO}) {
            assertFalse(env(r, "notification-service").containsKey("NOTIFICATION_WEBHOOK_TRUST_STORE"), r.name());
            RenderedManifestsTest.deployments(r.manifests()).forEach((service, d) -> assertTrue(d.getSpec().getTemplate()
                    .getSpec().getVolumes().stream().noneMatch(v -> v.getName().equals("webhook-trust")), service));
        }
        RenderedManifestsTest.deployments(Rendering.PRODUCTION.manifests()).forEach((service, d) -> assertEquals(
                service.equals("notification-service"), d.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .anyMatch(v -> v.getName().equals("webhook-trust")), service));
    }
}
