package com.groupcare.hub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** A 403 written by a filter itself: an error dispatch would run before authentication and answer 401. */
final class Refusals {

    private Refusals() {
    }

    static void forbidden(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"" + reason + "\"}");
    }
}
