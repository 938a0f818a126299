package org.casestream.gateway.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * What stands before a password check, by client address: an address that has failed many logins lately (a
 * password spray over many accounts) waits for its bucket to refill (429), and an account that failed too often
 * from one address is locked for that address only (423): an attacker cannot lock the admin, or anyone, out of
 * their own logins from elsewhere. IPv6 addresses count by their /64, which one host usually holds whole. Both
 * maps are bounded and forget on their own; per gateway instance, like the rate limits.
 */
@Component
public class LoginGuard {

    private static final int MAX_TRACKED = 100_000;

    /** Where an account failed from: failures in a row and until when it is locked there. */
    private record Pair(int failures, Instant lockedUntil) {
    }

    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Pair> pairs;

    public LoginGuard(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_TRACKED)
                .expireAfterAccess(properties.addressWindow()).build();
        this.pairs = Caffeine.newBuilder().maximumSize(MAX_TRACKED)
                .expireAfterWrite(properties.lockDuration()).build();
    }

    /** Throws when this address may not try now, or this account is locked for it. */
    public void check(String username, String address) {
        String from = addressKey(address);
        Bucket bucket = addresses.getIfPresent(from);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            throw new LoginThrottled(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        Pair pair = pairs.getIfPresent(pairKey(username, from));
        Instant now = clock.instant();
        if (pair != null && pair.lockedUntil() != null && pair.lockedUntil().isAfter(now)) {
            throw new AccountLocked(Duration.between(now, pair.lockedUntil()));
        }
    }

    /** A failed attempt: one token from the address's bucket; true when the account is now locked for it. */
    public boolean failed(String username, String address) {
        String from = addressKey(address);
        addresses.get(from, ignored -> newBucket()).tryConsume(1);
        Instant lockUntil = clock.instant().plus(properties.lockDuration());
        // an entry lives lockDuration after its last write, so a lock ends with it and the count starts again
        Pair after = pairs.asMap().merge(pairKey(username, from), new Pair(1, null),
                (old, one) -> new Pair(old.failures() + 1, null));
        if (after.failures() < properties.maxFailures()) {
            return false;
        }
        pairs.put(pairKey(username, from), new Pair(after.failures(), lockUntil));
        return true;
    }

    /** A success: the account's count from this address starts again. */
    public void succeeded(String username, String address) {
        pairs.invalidate(pairKey(username, addressKey(address)));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(properties.addressFailures())
                .refillGreedy(properties.addressFailures(), properties.addressWindow()).build()).build();
    }

    private static String pairKey(String username, String addressKey) {
        return addressKey + "|" + username;
    }

    /** An IPv4 address as it is; an IPv6 one by its /64 prefix. */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
