package io.tradecredit.collections.persistence;

import java.util.List;

/**
 * A column's place in a result, looked up once per result: reading a million rows by name hashed
 * each name again for every row (5 % of the daily run's time, docs/performance.md, issue 12).
 */
final class ResultColumns {
    private ResultColumns() {
    }

    /** The index of {@code name} among a result's {@code names}; a missing one is a mistake in the query. */
    static int at(List<String> names, String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("the result has no column " + name + ": " + names);
        }
        return index;
    }
}
