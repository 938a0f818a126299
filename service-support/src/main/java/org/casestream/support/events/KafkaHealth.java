package org.casestream.support.events;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code kafka} in the service's health (and readiness): UP while the broker answers within two seconds. Consumers
 * resume by themselves when it comes back; this only tells the load balancer and the operator that it is away.
 */
public class KafkaHealth implements HealthIndicator, DisposableBean {

    private static final int TIMEOUT_MS = 2_000;

    private final Map<String, Object> adminConfig;
    private Admin admin;

    public KafkaHealth(Map<String, Object> adminConfig) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.adminConfig = Map.copyOf(config);
    }

    @Override
    public Health health() {
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (Exception away) {
            return Health.down().withDetail("error", away.getClass().getSimpleName()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
