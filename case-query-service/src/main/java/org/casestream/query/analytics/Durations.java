package org.casestream.query.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Count, sum and histogram of one kind of duration, summed over counter cells. */
final class Durations {

    private long count;
    private long seconds;
    private final long[] histogram = new long[AnalyticsCounters.BOUNDS.size()];

    /** Adds a stored clock ({@code count}, {@code seconds}, {@code histogram}); anything else adds nothing. */
    void add(Object value) {
        if (value instanceof Map<?, ?> clock) {
            count += number(clock.get("count"));
            seconds += number(clock.get("seconds"));
            if (clock.get("histogram") instanceof Map<?, ?> buckets) {
                buckets.forEach((bucket, amount) -> histogram[Integer.parseInt(bucket.toString())] += number(amount));
            }
        }
    }

    long count() {
        return count;
    }

    Analytics.Times times() {
        if (count == 0) {
            return new Analytics.Times(0, null, null, null);
        }
        return new Analytics.Times(count, (double) seconds / count, quantile(0.5), quantile(0.9));
    }

    /** How many durations fell in each histogram bucket, by its upper bound (null: the open-ended last one). */
    List<AnalyticsBreakdowns.Bucket> distribution() {
        List<AnalyticsBreakdowns.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < histogram.length; i++) {
            long bound = AnalyticsCounters.BOUNDS.get(i);
            buckets.add(new AnalyticsBreakdowns.Bucket(bound == Long.MAX_VALUE ? null : bound, histogram[i]));
        }
        return buckets;
    }

    /** The upper bound of the bucket that holds the quantile; null when that is the open-ended bucket. */
    private Long quantile(double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                long bound = AnalyticsCounters.BOUNDS.get(i);
                return bound == Long.MAX_VALUE ? null : bound;
            }
        }
        return null;
    }

    static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
