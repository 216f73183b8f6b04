package com.groupcare.hub.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia for integrators is read-only: only ADMIN may execute MBean operations or write attributes
 * (an operation can send a message into a route, write a file as the hub's user, stop a route or
 * empty a dead-letter queue). Reads, lists and searches stay open to the console's roles.
 */
class JolokiaAccessFilter extends OncePerRequestFilter {

    private static final Set<String> READ_ONLY = Set.of("read", "list", "search", "version");
    private static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/jolokia");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest checked = request;
        List<String> types = new ArrayList<>();
        if ("POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            checked = new Replayed(request, body);
            types.addAll(postTypes(body));
        } else {
            String path = request.getRequestURI().substring((request.getContextPath() + "/actuator/jolokia").length());
            String first = path.replaceFirst("^/+", "").split("/", 2)[0];
            types.add(first.isEmpty() ? "version" : first);
        }
        if (types.isEmpty() || !types.stream().allMatch(t -> READ_ONLY.contains(t.toLowerCase()))) {
            Refusals.forbidden(response, "only ADMIN may execute operations or write attributes");
            return;
        }
        chain.doFilter(checked, response);
    }

    private static boolean isAdmin() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    /** The request types of a Jolokia POST (one request or a bulk array); an unreadable body names none. */
    private static List<String> postTypes(byte[] body) {
        List<String> types = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            for (JsonNode request : json.isArray() ? json : List.of(json)) {
                types.add(request.path("type").asText(""));
            }
        } catch (IOException e) {
            types.add("");
        }
        return types;
    }

    /** The request with its body read once and served again to Jolokia. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
