package com.groupcare.hub.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests a browser sends from another site. A browser resends cached
 * Basic credentials, so a page elsewhere could POST a provider list or a Jolokia operation; such a
 * request carries that page's Origin (or Referer), or {@code Sec-Fetch-Site: cross-site}. Requests from
 * the hub's own pages (Hawtio, the console) and from API clients (no Origin) go through.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;

    CrossSiteRequestFilter(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            Refusals.forbidden(response, "cross-site request refused");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null && request.getHeader("Referer") != null) {
            origin = originOf(request.getHeader("Referer"));
        }
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return !normalise(origin).equals(normalise(own)) && allowedOrigins.stream().map(CrossSiteRequestFilter::normalise)
                .noneMatch(normalise(origin)::equals);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "invalid:";
        }
    }

    /** scheme://host:port, with the scheme's default port made explicit. */
    private static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim().toLowerCase());
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getScheme() + "://" + uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }
}
