package org.casestream.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures depend on: CPUs, JVM, OS and how busy the machine was. */
public record MachineFacts(int nproc, String jvm, String os, List<Double> loadAverageStart) {

    public static MachineFacts capture() {
        String jvm = System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new MachineFacts(countProcessors(), jvm, os, loadAverage());
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg, or the JVM's 1-minute figure elsewhere. */
    public static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (IOException | RuntimeException e) {
            return List.of(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** What {@code nproc} says (CPUs this process may use), falling back to the JVM's count. */
    private static int countProcessors() {
        try {
            Process process = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Integer.parseInt(out);
            }
        } catch (IOException | RuntimeException e) {
            // no nproc here: the JVM's view is the same figure on Linux
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
