package io.tradecredit.deployment;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The expected shape of a custom resource (the fields and types of its CRD that the chart
 * uses), for resources whose CRD is not on the classpath: an unknown field, a missing
 * required field or a wrong type is a problem.
 */
sealed interface Shape {
    Shape STRING = new Scalar("string");
    Shape INTEGER = new Scalar("integer");
    Shape BOOLEAN = new Scalar("boolean");
    /** A Kubernetes resource quantity: an integer, or a string like {@code 500m} or {@code 1Gi}. */
    Shape QUANTITY = new Scalar("quantity");
    /** Any JSON object; its content is the operator's to check. */
    Shape ANY_OBJECT = new Scalar("object");

    record Scalar(String type) implements Shape {
    }

    record OneOf(Set<String> values) implements Shape {
    }

    record ArrayOf(Shape items) implements Shape {
    }

    record MapOf(Shape values) implements Shape {
    }

    record Obj(Map<String, Shape> fields, Set<String> required) implements Shape {
    }

    static Shape oneOf(String... values) {
        return new OneOf(Set.of(values));
    }

    static Shape arrayOf(Shape items) {
        return new ArrayOf(items);
    }

    static Shape mapOf(Shape values) {
        return new MapOf(values);
    }

    static Shape obj(Map<String, Shape> fields, String... required) {
        return new Obj(fields, Set.of(required));
    }

    /** Adds a line to {@code problems} for every difference between {@code node} and this shape. */
    default void check(JsonNode node, String path, List<String> problems) {
        if (this instanceof Scalar scalar) {
            boolean ok = switch (scalar.type()) {
                case "string" -> node.isTextual();
                case "integer" -> node.isIntegralNumber();
                case "boolean" -> node.isBoolean();
                case "quantity" -> node.isIntegralNumber() || node.isTextual() && node.asText().matches(
                        "^[+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$");
                default -> node.isObject();
            };
            if (!ok) {
                problems.add(path + ": expected " + scalar.type() + ", got " + node.getNodeType() + " " + node);
            }
        } else if (this instanceof OneOf oneOf) {
            if (!node.isTextual() || !oneOf.values().contains(node.asText())) {
                problems.add(path + ": expected one of " + oneOf.values() + ", got " + node);
            }
        } else if (this instanceof ArrayOf array) {
            if (!node.isArray()) {
                problems.add(path + ": expected a list, got " + node.getNodeType());
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                array.items().check(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (this instanceof MapOf map) {
            if (!node.isObject()) {
                problems.add(path + ": expected an object, got " + node.getNodeType());
                return;
            }
            node.fields().forEachRemaining(e -> map.values().check(e.getValue(), path + "." + e.getKey(), problems));
        } else if (this instanceof Obj obj) {
            if (!node.isObject()) {
                problems.add(path + ": expected an object, got " + node.getNodeType());
                return;
            }
            for (String required : obj.required()) {
                if (!node.has(required)) {
                    problems.add(path + "." + required + ": required");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                Shape shape = obj.fields().get(field.getKey());
                if (shape == null) {
                    problems.add(path + "." + field.getKey() + ": unknown field");
                } else {
                    shape.check(field.getValue(), path + "." + field.getKey(), problems);
                }
            }
        }
    }
}
