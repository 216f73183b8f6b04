package com.groupcare.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Basic authentication sends the password with every request; checking a bcrypt hash costs ~80 ms of
 * CPU, so a provider's counter asking 200 questions a second would need 16 cores. A successful check
 * is remembered for a while under a salted SHA-256 of the credentials (the salt is random per
 * process, the password itself is never kept): the same user with the same password is let in
 * without bcrypt until the entry expires; anything else goes through the real check.
 */
final class CachedCredentials implements AuthenticationProvider {

    private record Entry(Authentication authentication, long expiresAt) {
    }

    private final AuthenticationProvider delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CachedCredentials(AuthenticationProvider delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        String key = request.getName() + ":" + digest(password);
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry(result, now + ttlNanos));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
