package io.tradecredit.benchmarks;

/**
 * A service rate set against its raw baseline timed twice, just before and just after the service run.
 * On a shared machine the raw rate moves with the load (a factor of 3 between runs has been seen), so
 * one raw figure flatters or blames the service by chance: the ratio is stated against both, and the
 * aim is only met against the faster raw.
 */
record AgainstRaw(double service, double rawBefore, double rawAfter) {
    AgainstRaw {
        if (!(service >= 0) || !(rawBefore > 0) || !(rawAfter > 0)) {
            throw new IllegalArgumentException("rates must be positive: service " + service + ", raw " + rawBefore
                    + " and " + rawAfter);
        }
    }

    double slowerRaw() {
        return Math.min(rawBefore, rawAfter);
    }

    double fasterRaw() {
        return Math.max(rawBefore, rawAfter);
    }

    /** The service against the faster raw: the ratio to report against the aim. */
    double ratio() {
        return service / fasterRaw();
    }

    /** The service against the slower raw: the most the ratio could be. */
    double ratioToSlowerRaw() {
        return service / slowerRaw();
    }

    /** Whether the service makes {@code aim} times the raw rate even against the faster raw. */
    boolean meets(double aim) {
        return ratio() >= aim;
    }

    String line(String what, String unit, double aim) {
        return String.format("%s: service %.1f %s, raw %.1f before and %.1f after: %.2fx the faster raw"
                + " (%.2fx the slower), aim >= %.1fx: %s", what, service, unit, rawBefore, rawAfter, ratio(),
                ratioToSlowerRaw(), aim, meets(aim) ? "met" : "not met");
    }
}
