package io.tradecredit.deployment;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The environment variables a service reads, derived from its sources:
 * <ul>
 * <li>every {@code ${NAME...}} a config value or a Java annotation refers to (the chassis'
 * {@code DB_HOST}, {@code KAFKA_BOOTSTRAP_SERVERS}, ...);</li>
 * <li>every config property of the chassis' microprofile-config.properties, the service's
 * application.properties, and {@code @ConfigProperty}/{@code @ConfigMapping} in the chassis' and
 * the service's code, under Quarkus' environment name (upper case, every other character
 * {@code _}: {@code tradecredit.outbox.retention-days} is {@code TRADECREDIT_OUTBOX_RETENTION_DAYS});</li>
 * <li>{@code KAFKA_<SETTING>} for every Kafka client setting: Quarkus' Kafka extension turns
 * {@code KAFKA_SASL_JAAS_CONFIG} into {@code sasl.jaas.config} of the services' Kafka clients.</li>
 * </ul>
 * Build-time image settings ({@code quarkus.container-image.*}, {@code quarkus.jib.*}) and
 * test/dev profiles are not read by a running service. {@code JAVA_TOOL_OPTIONS} is read by the
 * service's JVM itself, whatever the launcher.
 */
final class ServiceSettings {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** Read by the JVM itself. */
    static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");
    private static final Set<String> NOT_AT_RUNTIME_PREFIXES = Set.of("quarkus.container-image.", "quarkus.jib.");

    private final Set<String> names = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();

    private ServiceSettings() {
    }

    /** What {@code service} reads. */
    static ServiceSettings of(String service) {
        ServiceSettings settings = new ServiceSettings();
        settings.addProperties(Repository.asMap(Repository.properties(Repository.CHASSIS_CONFIG)));
        settings.addProperties(Repository.asMap(Repository.applicationProperties(service)));
        for (String source : Repository.javaSources(Repository.ROOT.resolve("platform-commons"))) {
            settings.addJava(source);
        }
        for (String source : Repository.javaSources(Repository.services().get(service))) {
            settings.addJava(source);
        }
        return settings;
    }

    /** Quarkus' environment variable name of a property. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Whether the service reads the environment variable {@code name}. */
    boolean reads(String name) {
        if (names.contains(name) || JVM.contains(name)) {
            return true;
        }
        if (prefixes.stream().anyMatch(p -> name.startsWith(p + "_"))) {
            return true;
        }
        return name.startsWith("KAFKA_") && kafkaClientSettings().contains(
                name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    Set<String> names() {
        return names;
    }

    private void addProperties(Map<String, String> properties) {
        properties.forEach((key, value) -> {
            String property = key;
            if (property.startsWith("%")) {
                String profile = property.substring(1, property.indexOf('.'));
                if (!profile.equals("prod")) {
                    return;
                }
                property = property.substring(property.indexOf('.') + 1);
            }
            if (NOT_AT_RUNTIME_PREFIXES.stream().anyMatch(property::startsWith)) {
                return;
            }
            names.add(envName(property));
            addReferences(value);
        });
    }

    private void addJava(String source) {
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            names.add(envName(property.group(1)));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        while (mapping.find()) {
            prefixes.add(envName(mapping.group(1)));
        }
        addReferences(source);
    }

    private void addReferences(String text) {
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            String name = reference.group(1);
            names.add(name.equals(name.toUpperCase(Locale.ROOT)) ? name : envName(name));
        }
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> all = new HashSet<>();
        for (Set<String> names : List.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
                AdminClientConfig.configNames())) {
            all.addAll(names);
        }
        return all;
    }
}
