package io.tradecredit.common.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.arc.Arc;

/**
 * The Java method behind each operation of the API description ({@code "POST /api/v1/invoices"}),
 * found from the resource classes' {@code @Path} and HTTP method annotations, so that the
 * description can say what the method declares (its {@code @ResponseStatus}, {@code @Refuses}, and
 * whether its body is {@code @NotNull}).
 */
final class ResourceMethods {
    private ResourceMethods() {
    }

    static String key(PathItem.HttpMethod method, String path) {
        return method.name() + " " + path;
    }

    static Map<String, Method> byOperation() {
        Map<String, Method> methods = new HashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    methods.put(http + " " + join(root.value(), sub == null ? "" : sub.value()), method);
                }
            }
        }
        return methods;
    }

    /** Whether the method's body (its parameter no JAX-RS or RESTEasy annotation binds) is {@code @NotNull}. */
    static boolean bodyIsRequired(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String from = annotation.annotationType().getPackageName();
                bound |= from.startsWith("jakarta.ws.rs") || from.startsWith("org.jboss.resteasy.reactive");
            }
            if (!bound) {
                return parameter.isAnnotationPresent(NotNull.class);
            }
        }
        return false;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code "/api/v1/invoices/"} and {@code "{id}"} as the description writes it: {@code /api/v1/invoices/{id}}. */
    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
