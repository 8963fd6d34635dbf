package io.tradecredit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;

/**
 * Each resource method of a service against its operation in the description, from the compiled
 * classes: a method that picks its status in code (returns a {@code RestResponse} or
 * {@code Response}) declares it ({@code @ResponseStatus} or {@code @APIResponse}) and the
 * description has it; a method reading {@code Idempotency-Key} describes the header; a body is
 * required exactly when the parameter is {@code @NotNull}; each {@code @Refuses} status is described.
 */
final class ApiDescriptionOfResources {
    private static final Set<String> HTTP = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String RESPONSE_STATUS = "org.jboss.resteasy.reactive.ResponseStatus";
    private static final String REFUSES = "io.tradecredit.common.api.Refuses";

    private ApiDescriptionOfResources() {
    }

    static List<String> mismatches(JsonNode document, String rootPackage, JavaClasses classes) {
        List<String> wrong = new ArrayList<>();
        for (JavaClass resource : classes) {
            Optional<String> root = pathOf(resource.tryGetAnnotationOfType(PATH));
            if (root.isEmpty() || !resource.getPackageName().startsWith(rootPackage)) {
                continue;
            }
            for (JavaMethod method : resource.getMethods()) {
                Optional<String> http = method.getAnnotations().stream().map(a -> a.getRawType().getSimpleName())
                        .filter(HTTP::contains).findFirst();
                if (http.isPresent()) {
                    String path = join(root.get(), pathOf(method.tryGetAnnotationOfType(PATH)).orElse(""));
                    String key = http.get() + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")";
                    JsonNode operation = document.path("paths").path(path).path(http.get().toLowerCase());
                    if (operation.isMissingNode()) {
                        wrong.add(key + " is not described");
                    } else {
                        wrong.addAll(check(key, method, operation));
                    }
                }
            }
        }
        return wrong;
    }

    private static List<String> check(String key, JavaMethod method, JsonNode operation) {
        List<String> wrong = new ArrayList<>();
        JsonNode responses = operation.path("responses");
        Optional<Object> declared = method.tryGetAnnotationOfType(RESPONSE_STATUS).flatMap(a -> a.get("value"));
        boolean describedByHand = method.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getName().startsWith("org.eclipse.microprofile.openapi.annotations.responses.APIResponse"));
        if (declared.isPresent() && !responses.has(declared.get().toString())) {
            wrong.add(key + " answers " + declared.get() + " but the description does not say so");
        }
        if (declared.isEmpty() && !describedByHand && (mentions(method.getReturnType(), "org.jboss.resteasy.reactive.RestResponse")
                || mentions(method.getReturnType(), "jakarta.ws.rs.core.Response"))) {
            wrong.add(key + " picks its status in code: declare it with @ResponseStatus");
        }
        for (Object status : refusals(method)) {
            if (!responses.has(status.toString())) {
                wrong.add(key + " refuses with " + status + " but the description does not say so");
            }
        }
        for (JavaParameter parameter : method.getParameters()) {
            String header = parameter.getAnnotations().stream()
                    .filter(a -> a.getRawType().getName().equals("org.jboss.resteasy.reactive.RestHeader")
                            || a.getRawType().getName().equals("jakarta.ws.rs.HeaderParam"))
                    .map(a -> a.get("value").map(Object::toString).orElse("")).findFirst().orElse(null);
            if ("Idempotency-Key".equals(header) && !hasHeader(operation, header)) {
                wrong.add(key + " reads Idempotency-Key but does not describe it");
            }
            if (isBody(parameter)) {
                boolean notNull = parameter.isAnnotatedWith("jakarta.validation.constraints.NotNull");
                boolean required = operation.path("requestBody").path("required").asBoolean(false);
                if (!operation.has("requestBody")) {
                    wrong.add(key + " reads a body but describes none");
                } else if (notNull != required) {
                    wrong.add(key + " body is " + (notNull ? "" : "not ") + "required but described as "
                            + (required ? "" : "not ") + "required");
                }
            }
        }
        return wrong;
    }

    /** The statuses of the method's {@code @Refuses}, one or repeated. */
    private static List<Object> refusals(JavaMethod method) {
        List<Object> statuses = new ArrayList<>();
        method.tryGetAnnotationOfType(REFUSES).flatMap(a -> a.get("status")).ifPresent(statuses::add);
        method.tryGetAnnotationOfType(REFUSES + "$All").flatMap(a -> a.get("value")).ifPresent(all -> {
            for (Object one : (Object[]) all) {
                ((JavaAnnotation<?>) one).get("status").ifPresent(statuses::add);
            }
        });
        return statuses;
    }

    private static boolean hasHeader(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A parameter no JAX-RS or RESTEasy annotation binds, of an application type: the request body. */
    private static boolean isBody(JavaParameter parameter) {
        boolean bound = parameter.getAnnotations().stream().map(a -> a.getRawType().getPackageName())
                .anyMatch(p -> p.startsWith("jakarta.ws.rs") || p.startsWith("org.jboss.resteasy.reactive"));
        String type = parameter.getRawType().getPackageName();
        return !bound && !type.startsWith("jakarta.ws.rs") && !type.startsWith("io.vertx")
                && !type.startsWith("org.jboss.resteasy") && !type.startsWith("io.quarkus");
    }

    private static boolean mentions(JavaType type, String name) {
        if (type.toErasure().getName().equals(name)) {
            return true;
        }
        return type instanceof JavaParameterizedType parameterized
                && parameterized.getActualTypeArguments().stream().anyMatch(t -> mentions(t, name));
    }

    private static Optional<String> pathOf(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(Object::toString);
    }

    /** As the description writes paths: one slash between parts, none at the end. */
    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
