package io.arr502.core.diagnosis;

/**
 * The numbers the rules judge by.
 *
 * @param noiseMinCount       a cause resting on log lines needs at least this many failed requests …
 * @param noiseMinRatePercent … and at least this share of all requests (percent), unless the baseline test shows a significant rise
 * @param stallShare          a route whose successful p99 is at most this share of its timeout while requests end in 12002 at
 *                            the timeout hangs some requests (BACKEND_STALL), it does not need a longer timeout
 * @param headroomWarning     warn when a route's successful p99 leaves less than this many percent of its effective timeout
 * @param headroomCritical    critical below this headroom in percent; null: headroom never makes the state critical
 * @param riseCritical        critical when a significant rise reaches this factor of the baseline rate; null: never
 * @param minOkRequests       successful requests a route needs before its p99 is judged against its timeout
 */
public record Thresholds(long noiseMinCount, double noiseMinRatePercent, double stallShare, double headroomWarning,
                         Double headroomCritical, Double riseCritical, long minOkRequests) {

    public Thresholds {
        if (noiseMinCount < 1 || noiseMinRatePercent < 0 || noiseMinRatePercent > 100) {
            throw new IllegalArgumentException("noise floor needs a count of at least 1 and a rate between 0 and 100 %");
        }
        if (stallShare <= 0 || stallShare >= 1) {
            throw new IllegalArgumentException("stall share must be between 0 and 1, not " + stallShare);
        }
        if (headroomWarning < 0 || headroomWarning > 100 || (headroomCritical != null && (headroomCritical < 0 || headroomCritical > 100))) {
            throw new IllegalArgumentException("headroom thresholds are percent of the timeout, 0 to 100");
        }
        if (riseCritical != null && riseCritical <= 1) {
            throw new IllegalArgumentException("the critical rise factor must be above 1, not " + riseCritical);
        }
        if (minOkRequests < 1) {
            throw new IllegalArgumentException("minOkRequests must be at least 1");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(5, 0.01, 0.10, 20, null, null, 20);
    }

    public Thresholds withNoiseFloor(long minCount, double minRatePercent) {
        return new Thresholds(minCount, minRatePercent, stallShare, headroomWarning, headroomCritical, riseCritical, minOkRequests);
    }

    public Thresholds withHeadroom(double warning, Double critical) {
        return new Thresholds(noiseMinCount, noiseMinRatePercent, stallShare, warning, critical, riseCritical, minOkRequests);
    }

    public Thresholds withRiseCritical(Double factor) {
        return new Thresholds(noiseMinCount, noiseMinRatePercent, stallShare, headroomWarning, headroomCritical, factor, minOkRequests);
    }

    /** A threshold as written: "20", "0.01", "1.5". */
    public static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
