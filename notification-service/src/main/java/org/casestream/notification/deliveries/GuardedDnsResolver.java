package org.casestream.notification.deliveries;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.casestream.notification.settings.TargetGuard;

/**
 * Resolves a target's name when the connection is made and refuses it there if any address is loopback,
 * link-local or private (unless an admin allowed private targets): the address checked is the address connected
 * to, so a name that resolves to a public address when checked and to an internal one a moment later (DNS
 * rebinding) never reaches the inside.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** The name resolved to an address the guard refuses. */
    static final class RefusedTarget extends UnknownHostException {
        RefusedTarget(String host) {
            super(host + " points at a loopback, link-local or private address, which is not allowed");
        }
    }

    /** Name resolution itself, a seam for tests that play a rebinding name server. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final BooleanSupplier allowPrivateTargets;

    GuardedDnsResolver(Resolver resolver, BooleanSupplier allowPrivateTargets) {
        this.resolver = resolver;
        this.allowPrivateTargets = allowPrivateTargets;
    }

    static GuardedDnsResolver system(BooleanSupplier allowPrivateTargets) {
        return new GuardedDnsResolver(SystemDefaultDnsResolver.INSTANCE::resolve, allowPrivateTargets);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (!allowPrivateTargets.getAsBoolean() && Arrays.stream(addresses).anyMatch(TargetGuard::isPrivate)) {
            throw new RefusedTarget(host);
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }
}
