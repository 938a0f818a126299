package org.casestream.benchmarks;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One measured step: operations that started inside the measured window.
 *
 * @param latencyMicros latencies of the successful operations, in microseconds
 */
record StepResult(String name, int concurrency, long operations, long errors, double seconds,
                  Histogram latencyMicros, Map<String, Long> errorKinds) {

    double throughput() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
