package io.tradecredit.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses rendered manifests the way the API server would refuse them: an unknown field, a
 * duplicate key or a value of the wrong type (a number where a string belongs, "2" where an
 * integer belongs) fails. The fabric8 model classes keep unknown fields in an "additional
 * properties" map; the strict mapper removes that door.
 */
final class Manifests {
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final ObjectMapper STRICT = strictMapper();

    private static final ObjectMapper GENERIC = JsonMapper.builder().build();

    /** The kinds the chart may render, typed by the Kubernetes model: apiVersion/kind to class. */
    static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            // Strimzi's own model; StrimziModel adds the rules of the API version
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** Custom resources of the operators the platform runs on: checked by {@link CustomResources}. */
    static final Set<String> CUSTOM = Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    /**
     * One rendered document: its tree, and its model: the Kubernetes kind's class, or a
     * {@link GenericKubernetesResource} for a custom resource.
     */
    record Manifest(String template, JsonNode tree, HasMetadata typed) {
        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + " " + name() + " (" + template + ")";
        }

        <T> T as(Class<T> type) {
            return type.cast(typed);
        }

        boolean custom() {
            return typed instanceof GenericKubernetesResource;
        }
    }

    private Manifests() {
    }

    /** Parses every document of a rendering strictly; fails with the document and the field on the first error. */
    static List<Manifest> parse(String rendered) {
        List<Manifest> manifests = new ArrayList<>();
        Chart.documentsByTemplate(rendered).forEach((template, documents) -> {
            for (String document : documents) {
                manifests.add(parse(template, document));
            }
        });
        return manifests;
    }

    static Manifest parse(String template, String document) {
        JsonNode tree;
        try {
            tree = YAML.readTree(document);
        } catch (JsonProcessingException e) {
            throw new AssertionError(template + ": not valid YAML: " + e.getOriginalMessage() + "\n" + document, e);
        }
        String type = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        Class<? extends HasMetadata> modelClass = TYPED.get(type);
        try {
            if (modelClass != null) {
                HasMetadata typed = STRICT.treeToValue(tree, modelClass);
                if (type.startsWith("kafka.strimzi.io/")) {
                    String version = type.split("/")[1];
                    List<String> problems = StrimziModel.problems(typed, version, tree.path("kind").asText() + " "
                            + tree.path("metadata").path("name").asText());
                    if (!problems.isEmpty()) {
                        throw new AssertionError(template + ": does not fit Strimzi's " + version + " model: "
                                + problems);
                    }
                }
                return new Manifest(template, tree, typed);
            }
            if (CUSTOM.contains(type)) {
                // no CRD model on the classpath: metadata strictly, the rest by CustomResources' shapes
                STRICT.treeToValue(tree.path("metadata"), ObjectMeta.class);
                return new Manifest(template, tree, GENERIC.treeToValue(tree, GenericKubernetesResource.class));
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError(template + ": " + type + " " + tree.path("metadata").path("name").asText()
                    + " does not fit the Kubernetes model: " + e.getOriginalMessage() + " at " + path(e), e);
        }
        throw new AssertionError(template + ": unexpected kind " + type
                + "; add it to Manifests.TYPED or Manifests.CUSTOM with its checks");
    }

    static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).collect(Collectors.toList());
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "?";
    }

    /** An enum value the model does not know fails (Strimzi's enums would read it as null). */
    private static final class KnownEnumValue extends DelegatingDeserializer {
        KnownEnumValue(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new KnownEnumValue(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            Object value = super.deserialize(parser, context);
            if (value == null) {
                throw context.weirdStringException(text, handledType(), "not a value of the model");
            }
            return value;
        }
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAdditionalProperties = new SimpleModule("no-additional-properties");
        noAdditionalProperties.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new KnownEnumValue(deserializer);
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAdditionalProperties)
                .build();
        // the API server takes no number or boolean for a string field, and no string for a number
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
