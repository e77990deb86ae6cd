package org.civicgrid.core.api.persistence;

/**
 * A migration could not be applied. The message names the owner and the change set.
 *
 * @since 1.0
 */
public class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for an operator
     * @param cause the underlying error
     * @since 1.0
     */
    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
