package io.tradecredit.common.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The API description lists an operation's roles as the scopes of its security requirement, read
 * from {@code @RolesAllowed} as written; this puts the roles {@link Roles#READERS} stands for in
 * place of the expression, so the description says what the check allows.
 */
@OpenApiFilter(stages = { OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP })
public class ReaderRolesInApiDescription implements OASFilter {
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(ReaderRolesInApiDescription::expand);
        }
        return operation;
    }

    private static void expand(SecurityRequirement requirement) {
        if (requirement.getSchemes() == null) {
            return;
        }
        Map<String, List<String>> schemes = new LinkedHashMap<>(requirement.getSchemes());
        schemes.forEach((scheme, scopes) -> {
            if (scopes != null && scopes.contains(Roles.READERS)) {
                List<String> roles = new ArrayList<>();
                for (String scope : scopes) {
                    for (String role : scope.equals(Roles.READERS) ? readers() : List.of(scope)) {
                        if (!roles.contains(role)) {
                            roles.add(role);
                        }
                    }
                }
                requirement.addScheme(scheme, roles);
            }
        });
    }

    private static List<String> readers() {
        return ConfigProvider.getConfig().getOptionalValues(Roles.READERS_SETTING, String.class)
                .orElse(Roles.READER_ROLES);
    }
}
