package com.groupcare.hub.security;

/**
 * ADMIN everything; OPERATOR the insurance desk; INTEGRATOR routes, files, queues; AUDITOR reads everything;
 * PROVIDER a conventioned provider's counter: the rights check, nothing else.
 */
public enum Role {
    ADMIN, OPERATOR, INTEGRATOR, AUDITOR, PROVIDER
}
