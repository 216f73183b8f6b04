package com.groupcare.hub.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A good password is checked the slow way once, then remembered; a wrong one is never remembered nor let in. */
class CachedCredentialsTest {

    final AtomicInteger checks = new AtomicInteger();
    final AuthenticationProvider slow = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"right".equals(request.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_PROVIDER")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void theSameGoodCredentialsAreCheckedOnceAndWrongOnesAlways() {
        CachedCredentials cache = new CachedCredentials(slow, Duration.ofMinutes(5), 100);
        for (int i = 0; i < 10; i++) {
            assertThat(cache.authenticate(login("provider", "right")).isAuthenticated()).isTrue();
        }
        assertThat(checks.get()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(login("provider", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks.get()).as("a wrong password goes the slow way every time").isEqualTo(4);
        assertThatThrownBy(() -> cache.authenticate(login("someone-else", "right-for-provider-only")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anEntryExpires() throws InterruptedException {
        CachedCredentials cache = new CachedCredentials(slow, Duration.ofMillis(50), 100);
        cache.authenticate(login("provider", "right"));
        Thread.sleep(80);
        cache.authenticate(login("provider", "right"));
        assertThat(checks.get()).isEqualTo(2);
    }
}
