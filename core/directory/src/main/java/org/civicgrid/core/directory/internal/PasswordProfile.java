package org.civicgrid.core.directory.internal;

/** The password rules a county is assessed against; {@link PasswordPolicy} holds what each one asks. */
public enum PasswordProfile {

    /** MLPS 2.0 level 3 (GB/T 22239-2019 8.1.4.1 a): complexity and periodic change. */
    MLPS,

    /** OWASP ASVS 5.0 level 2: length, no composition rules, no forced rotation. */
    ASVS,

    /** The individual settings of {@link DirectoryConfiguration}. */
    CUSTOM
}
