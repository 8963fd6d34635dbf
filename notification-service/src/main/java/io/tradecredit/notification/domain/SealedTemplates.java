package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * Which of a tenant's letters carry the company seal (公章), by template key: Chinese practice seals
 * the finance department's demand (docs/domain.md §3), and a tenant may seal more letters, or none.
 * A tenant that never chose has the platform's list ({@code tradecredit.notification.letter.sealed-templates}).
 *
 * @param tenantsOwn whether the tenant chose the list (false: the platform's default)
 */
public record SealedTemplates(Set<String> templateKeys, boolean tenantsOwn) {
    /** What a template key looks like (as collections' ladders name them: {@code dunning.finance-demand}). */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public SealedTemplates {
        templateKeys = Set.copyOf(new LinkedHashSet<>(templateKeys));
    }

    /** The platform's list, for a tenant that has not chosen. */
    public static SealedTemplates platform(List<String> keys) {
        return new SealedTemplates(new LinkedHashSet<>(keys), false);
    }

    /** A tenant's choice (empty: no letter sealed), refused naming every wrong key by its index. */
    public static SealedTemplates chosen(List<String> keys) {
        List<Violation> wrong = new ArrayList<>();
        if (keys == null) {
            wrong.add(new Violation("templateKeys", "must be given: the template keys whose letters carry the seal"
                    + " (an empty list seals none)"));
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                if (k == null || !KEY.matcher(k).matches()) {
                    wrong.add(new Violation("templateKeys[" + i + "]", "must be a template key such as dunning.finance-demand"));
                } else if (!seen.add(k)) {
                    wrong.add(new Violation("templateKeys[" + i + "]", k + " is listed twice"));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("sealed-templates.invalid", "The sealed templates are not valid", wrong);
        }
        return new SealedTemplates(new LinkedHashSet<>(keys), true);
    }

    /** Whether a letter of {@code templateKey} carries the seal. */
    public boolean seals(String templateKey) {
        return templateKeys.contains(templateKey);
    }
}
