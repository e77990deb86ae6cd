package org.civicgrid.core.api.rest;

/**
 * The platform's JAX-RS whiteboard application. A resource joins it with
 * {@code @JaxrsApplicationSelect(ApiApplication.SELECT)} and answers under {@code /api}; a plug-in
 * uses its own first path segment, {@code /api/<plugin>/…}.
 *
 * @since 1.0
 */
public final class ApiApplication {

    /** The application's {@code osgi.jaxrs.name}. @since 1.0 */
    public static final String NAME = "civicgrid";

    /** The filter that selects the application. @since 1.0 */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    /** The application's base path. @since 1.0 */
    public static final String BASE = "/api";

    /** The media type of error responses (RFC 7807). @since 1.0 */
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiApplication() {
    }
}
