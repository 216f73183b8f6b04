package com.groupcare.hub.security;

/** ADMIN everything; OPERATOR the insurance desk; INTEGRATOR routes, files, queues; AUDITOR reads everything. */
public enum Role {
    ADMIN, OPERATOR, INTEGRATOR, AUDITOR
}
