package io.tradecredit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What docs/running-locally.md tells a newcomer about the waits of {@code ./platform up} is what the
 * script does: until session 33 its troubleshooting said Keycloak's first start took "~50 s" and that
 * {@code up} waits "up to 5 minutes", while the script waits 600 s and a first start took 211 s.
 */
class LocalPlatformDocsTest {

    static String scriptDefault(String variable, String envName) {
        Matcher m = Pattern.compile(variable + "=\"\\$\\{" + envName + ":-(\\d+)}\"")
                .matcher(Repository.read(Repository.ROOT.resolve("platform")));
        assertTrue(m.find(), "platform sets " + variable + " from " + envName);
        return m.group(1);
    }

    @Test
    void everyWaitTheGuideNamesIsTheScriptsOwn() {
        String keycloak = scriptDefault("KEYCLOAK_TIMEOUT", "TC_KEYCLOAK_TIMEOUT");
        String services = scriptDefault("SERVICE_TIMEOUT", "TC_SERVICE_TIMEOUT");
        String guide = Repository.read(Repository.ROOT.resolve("docs/running-locally.md"));

        assertTrue(guide.contains("| `TC_KEYCLOAK_TIMEOUT` | `" + keycloak + "` "), "settings table: " + keycloak);
        assertTrue(guide.contains("| `TC_SERVICE_TIMEOUT` | `" + services + "` "), "settings table: " + services);

        int start = guide.indexOf("- **Keycloak's first start is slow**");
        assertTrue(start >= 0, "the troubleshooting entry on Keycloak's first start");
        String entry = guide.substring(start, guide.indexOf("\n- **", start + 1));
        assertTrue(entry.contains("`TC_KEYCLOAK_TIMEOUT`, " + keycloak + " s"),
                "the entry names the script's wait, " + keycloak + " s: " + entry);
        // no other wait of `up` may be told in minutes the script does not wait
        Matcher waits = Pattern.compile("`up` waits up to ([^.(]*)").matcher(guide);
        while (waits.find()) {
            assertTrue(List.of("`TC_KEYCLOAK_TIMEOUT`, " + keycloak + " s").contains(waits.group(1).trim()),
                    "a wait of `up` the script does not have: " + waits.group(0));
        }
    }

    @Test
    void theScriptSaysTheWaitItWillUse() {
        String script = Repository.read(Repository.ROOT.resolve("platform"));
        Matcher m = Pattern.compile("echo \"  starting keycloak[^\\n]*").matcher(script);
        assertTrue(m.find(), "up says it starts Keycloak");
        assertTrue(m.group().contains("${KEYCLOAK_TIMEOUT} s"),
                "the message names the wait in force (TC_KEYCLOAK_TIMEOUT may change it): " + m.group());
        assertEquals(-1, m.group().indexOf(", 600 s"), m.group());
    }
}
