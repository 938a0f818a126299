package org.casestream.notification.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.settings.TargetPolicy;
import org.casestream.notification.support.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard holds where the connection is made: a name server that answers a public address when asked
 * first and a loopback one a moment later (DNS rebinding) never gets a delivery inside. A real HTTP receiver on
 * this machine stands for the inside; only the name server is played.
 */
class OutboundHttpTest {

    private final Receiver inside = new Receiver();
    private final AtomicBoolean allowPrivateTargets = new AtomicBoolean();

    @BeforeEach
    void start() {
        inside.start();
    }

    @AfterEach
    void stop() {
        inside.close();
    }

    private OutboundHttp http(GuardedDnsResolver.Resolver nameServer, boolean requireHttps) {
        TargetPolicy targets = new TargetPolicy(allowPrivateTargets::get, requireHttps);
        NotificationProperties.Dispatch dispatch = new NotificationProperties.Dispatch(Duration.ofMillis(100), 10,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2), requireHttps);
        return new OutboundHttp(targets, dispatch, new GuardedDnsResolver(nameServer, targets::allowPrivateTargets));
    }

    /** rebind.example resolves to a public address the first time it is asked, to 127.0.0.1 after that. */
    private static GuardedDnsResolver.Resolver rebinding(AtomicInteger asked) throws UnknownHostException {
        InetAddress outside = InetAddress.getByAddress("rebind.example", new byte[] {(byte) 203, 0, 113, 7});
        InetAddress loopback = InetAddress.getByAddress("rebind.example", new byte[] {127, 0, 0, 1});
        return host -> asked.getAndIncrement() == 0 ? new InetAddress[] {outside} : new InetAddress[] {loopback};
    }

    @Test
    void aNameThatRebindsToAnInsideAddressNeverReachesIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        OutboundHttp http = http(rebinding(asked), false);
        String url = inside.url("/hook").replace("127.0.0.1", "rebind.example");

        SendOutcome first = http.postJson(url, "{}", Map.of());
        SendOutcome second = http.postJson(url, "{}", Map.of());

        assertThat(inside.requests("/hook")).as("nothing reached the inside").isEmpty();
        assertThat(first.delivered()).as("the public address is not reachable from here").isFalse();
        assertThat(second.delivered()).isFalse();
        assertThat(second.retryable()).isFalse();
        assertThat(second.error()).contains("loopback, link-local or private");
    }

    @Test
    void aLoopbackTargetIsReachedOnlyWhenAnAdminAllowsPrivateTargets() {
        GuardedDnsResolver.Resolver system = InetAddress::getAllByName;
        SendOutcome refused = http(system, false).postJson(inside.url("/hook"), "{}", Map.of());
        assertThat(refused.error()).contains("private");
        assertThat(inside.requests("/hook")).isEmpty();

        allowPrivateTargets.set(true);
        SendOutcome delivered = http(system, false).postJson(inside.url("/hook"), "{\"a\":1}", Map.of("X-Test", "yes"));
        assertThat(delivered.delivered()).isTrue();
        assertThat(inside.requests("/hook")).singleElement().satisfies(received -> {
            assertThat(received.body()).isEqualTo("{\"a\":1}");
            assertThat(received.header("X-Test")).isEqualTo("yes");
        });
    }

    @Test
    void plainHttpIsRefusedWhereHttpsIsRequired() {
        allowPrivateTargets.set(true);
        SendOutcome outcome = http(InetAddress::getAllByName, true).postJson(inside.url("/hook"), "{}", Map.of());
        assertThat(outcome.error()).contains("https");
        assertThat(inside.requests("/hook")).isEmpty();
    }
}
