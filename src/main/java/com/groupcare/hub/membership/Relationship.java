package com.groupcare.hub.membership;

public enum Relationship { MEMBER, SPOUSE, CHILD }
