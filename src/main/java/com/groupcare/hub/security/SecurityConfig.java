package com.groupcare.hub.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic everywhere but health, roles per area; the integrators' console (/console) signs in
 * with a form instead, keeps a session and protects its forms with CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String PROVIDER = Role.PROVIDER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String INTEGRATOR = Role.INTEGRATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    /** The console's pages: a session from the sign-in form, a CSRF token in every form, no script but the hub's own. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain console(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                @Value("${hub.security.credentials-cache:5m}") java.time.Duration credentialsCache) throws Exception {
        http.securityMatcher("/console/**", "/login", "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/console/assets/**").permitAll()
                        .requestMatchers("/console/denied").authenticated()
                        .requestMatchers(HttpMethod.POST, "/console/queues/*/messages/*/discard", "/console/routes/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/console/queues/**").hasAnyRole(ADMIN, INTEGRATOR)
                        .requestMatchers(HttpMethod.POST, "/console/files/*/replay").hasAnyRole(ADMIN, INTEGRATOR, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/console/files/*/release", "/console/files/*/reject").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/console/files/*/resend").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/console/**").denyAll()
                        .requestMatchers("/console/files/*/original").hasAnyRole(ADMIN, INTEGRATOR, OPERATOR)
                        .requestMatchers("/console/queues/**", "/console/routes/**", "/console/alerts/**")
                            .hasAnyRole(ADMIN, INTEGRATOR, AUDITOR)
                        .requestMatchers("/console/**").hasAnyRole(ADMIN, INTEGRATOR, AUDITOR, OPERATOR)
                        .anyRequest().denyAll())
                .authenticationProvider(credentials(users, encoder, credentialsCache))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"))
                .headers(h -> h.frameOptions(f -> f.deny()).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                            @Value("${hub.security.credentials-cache:5m}") java.time.Duration credentialsCache,
                            @Value("${hub.security.allowed-origins:}") List<String> allowedOrigins) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**").hasAnyRole(ADMIN, INTEGRATOR)
                        .requestMatchers("/actuator/**").hasAnyRole(ADMIN, INTEGRATOR, AUDITOR)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/exchanges/**").hasAnyRole(ADMIN, INTEGRATOR, OPERATOR, AUDITOR)
                        // a held file is the desk's call; a failed one anyone who runs the flows may replay
                        .requestMatchers(HttpMethod.POST, "/api/exchanges/*/release", "/api/exchanges/*/reject")
                            .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/exchanges/*/replay").hasAnyRole(ADMIN, INTEGRATOR, OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/rights").hasRole(PROVIDER)
                        .requestMatchers("/api/exchanges/**").hasAnyRole(ADMIN, INTEGRATOR)
                        .requestMatchers(HttpMethod.GET, "/api/members/**", "/api/org-units/**", "/api/providers/**",
                                "/api/contracts/**", "/api/claims/**", "/api/vouchers/**", "/api/transmittals/**",
                                "/api/remittances/**", "/api/complaints/**", "/api/overpayments/**", "/api/movements/**", "/api/cards/**", "/api/payments/**",
                                "/api/social-fund/**", "/api/provider-invoices/**")
                            .hasAnyRole(ADMIN, OPERATOR, AUDITOR)
                        // contract terms and the employer's budget are not the desk's to change
                        .requestMatchers(HttpMethod.PUT, "/api/contracts/**", "/api/social-fund/budgets/**").hasRole(ADMIN)
                        .requestMatchers("/api/**").hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().authenticated())
                .authenticationProvider(credentials(users, encoder, credentialsCache))
                .httpBasic(Customizer.withDefaults())
                // stateless Basic auth, no session cookie; a browser still resends cached Basic credentials, so
                // state-changing requests from another site are refused by their Origin instead of a CSRF token
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(new CrossSiteRequestFilter(allowedOrigins), BasicAuthenticationFilter.class)
                .addFilterAfter(new JolokiaAccessFilter(), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The users, as a plain lookup: Spring would otherwise "upgrade" each password it checks to a fresh
     * bcrypt hash in memory, making every later request pay bcrypt.
     */
    @Bean
    UserDetailsService users(HubUsers config) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        config.users().forEach((name, user) -> manager.createUser(User.withUsername(name)
                .password(user.password())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build()));
        return manager::loadUserByUsername;
    }

    /** The checks of the API's filter chain (not a bean: the global manager keeps its own user lookup). */
    private static CachedCredentials credentials(UserDetailsService users, PasswordEncoder encoder, java.time.Duration ttl) {
        org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
                new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachedCredentials(dao, ttl, 10_000);
    }
}
