package com.groupcare.hub.provider;

/** What a provider does; partners' codes map to these in mappings/providers/providers.yaml. */
public enum Specialty {
    GENERALIST, SPECIALIST, PHARMACY, LAB, IMAGING, OPTICIAN, DENTIST, CLINIC, HOSPITAL, MIDWIFE
}
