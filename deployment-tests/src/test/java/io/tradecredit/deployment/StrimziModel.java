package io.tradecredit.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

/**
 * What Strimzi's own model ({@code io.strimzi:api}) says about one API version of a parsed
 * resource: the strict parse already refused unknown fields and wrong types; this adds the
 * version rules the model carries as annotations (a property present only up to v1beta2, like
 * an ACL's single {@code operation}, or required from v1 on, like {@code operations} and
 * {@code spec}).
 */
final class StrimziModel {
    /** Strimzi's API versions, oldest first. */
    private static final List<String> VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrimziModel() {
    }

    /** Problems of a parsed Strimzi resource in API {@code version} (empty when it fits). */
    static List<String> problems(Object resource, String version, String where) {
        List<String> problems = new ArrayList<>();
        walk(resource, version, where, problems);
        return problems;
    }

    private static void walk(Object node, String version, String where, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    // Strimzi's enums read an unknown value as null
                    problems.add(where + "[" + i + "]: not a value of the model");
                }
                walk(list.get(i), version, where + "[" + i + "]", problems);
            }
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.strimzi.api.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String property = property(getter);
            if (property == null) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
            String path = where + "." + property;
            PresentInVersions present = getter.getAnnotation(PresentInVersions.class);
            if (value != null && present != null && !within(version, present.value())) {
                problems.add(path + ": not in " + version + " (only " + present.value() + ")");
            }
            RequiredInVersions required = getter.getAnnotation(RequiredInVersions.class);
            if (value == null && required != null && within(version, required.value())) {
                problems.add(path + ": required in " + version);
            }
            if (!(value instanceof Map<?, ?>)) {
                walk(value, version, path, problems);
            }
        }
    }

    private static String property(Method getter) {
        if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                || !getter.getName().startsWith("get") || getter.getName().equals("getClass")
                || getter.getName().equals("getAdditionalProperties") || getter.isBridge()) {
            return null;
        }
        String name = getter.getName().substring(3);
        return name.isEmpty() ? null : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether {@code version} is within a range of the model: "v1+", "v1alpha1-v1beta2", "v1beta2", comma-separated. */
    static boolean within(String version, String ranges) {
        int v = index(version);
        for (String range : ranges.split(",")) {
            String r = range.strip();
            if (r.endsWith("+")) {
                if (v >= index(r.substring(0, r.length() - 1))) {
                    return true;
                }
            } else if (r.contains("-")) {
                String[] ends = r.split("-");
                if (v >= index(ends[0]) && v <= index(ends[1])) {
                    return true;
                }
            } else if (v == index(r)) {
                return true;
            }
        }
        return false;
    }

    private static int index(String version) {
        int i = VERSIONS.indexOf(version);
        if (i < 0) {
            throw new IllegalArgumentException("unknown Strimzi API version " + version);
        }
        return i;
    }
}
