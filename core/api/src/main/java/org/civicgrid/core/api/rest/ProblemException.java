package org.civicgrid.core.api.rest;

/**
 * An error the caller can act on, answered as {@code application/problem+json} with its status,
 * a short title and a detail that says what was wrong. Services and resources throw it for bad
 * input or a missing object; the platform logs it once at warn level and never adds a stack trace
 * to the response.
 *
 * @since 1.0
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    /**
     * @param status the HTTP status (4xx for the caller's errors)
     * @param title a short, stable summary, e.g. {@code Unknown region}
     * @param detail what exactly was wrong and, where possible, how to fix it
     * @since 1.0
     */
    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /**
     * @param detail what was wrong with the request
     * @return a 400 Bad Request problem
     * @since 1.0
     */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    /**
     * @param detail which object was not found
     * @return a 404 Not Found problem
     * @since 1.0
     */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    /** @return the HTTP status @since 1.0 */
    public int status() {
        return status;
    }

    /** @return the short summary @since 1.0 */
    public String title() {
        return title;
    }

    /** @return the detail for the caller @since 1.0 */
    public String detail() {
        return getMessage();
    }
}
