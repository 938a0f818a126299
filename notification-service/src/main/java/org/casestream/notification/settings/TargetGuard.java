package org.casestream.notification.settings;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF guard: outbound HTTP goes only to public addresses, unless an admin allowed private targets, and only
 * over https where that is required. Checked in full when a target is configured; before each send the URL is
 * checked again and its addresses where the connection is made (a name can resolve differently later).
 */
public final class TargetGuard {

    private TargetGuard() {
    }

    /** Why the URL may not be called, or empty when it may: the URL, then every address its host has now. */
    public static Optional<String> refusal(String url, boolean allowPrivateTargets, boolean requireHttps) {
        Optional<String> malformed = urlRefusal(url, requireHttps);
        if (malformed.isPresent() || allowPrivateTargets) {
            return malformed;
        }
        URI uri = URI.create(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("points at a loopback, link-local or private address, which is not allowed");
            }
        }
        return Optional.empty();
    }

    /** Why the URL itself may not be called (scheme, host, credentials), without resolving its host. */
    public static Optional<String> urlRefusal(String url, boolean requireHttps) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("must be an http or https URL");
        }
        if (requireHttps && !scheme.equalsIgnoreCase("https")) {
            return Optional.of("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        return Optional.empty();
    }

    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                   // "this" network
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || first >= 240;                             // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;                                     // unique local fc00::/7
            }
            boolean mapped = true;                               // ::ffff:a.b.c.d, an IPv4 address in disguise
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
