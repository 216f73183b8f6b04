package com.groupcare.hub.membership;

/** What a delta line asks for; snapshot lines carry none. */
public enum HrAction { ADD, UPDATE, REMOVE }
