package org.civicgrid.core.api.security;

/**
 * Where the request being served on the current thread comes from — the "from where" of every audit entry. The
 * platform's web layer sets it for each API request (the client's address, and what a proxy says it forwarded);
 * the audit trail records it with each entry written while the request is served. Nothing needs to pass it on.
 *
 * <pre>{@code
 * try (RequestOrigin.Scope scope = RequestOrigin.enter("10.14.5.21")) {
 *     ... // audit entries written here say they came from 10.14.5.21
 * }
 * }</pre>
 *
 * @since 1.1
 */
public final class RequestOrigin {

    /** The longest origin kept; longer ones are cut. @since 1.1 */
    public static final int MAX_LENGTH = 128;

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestOrigin() {
    }

    /**
     * @return where the current request comes from, or {@code null} outside a request (the platform's own
     *         scheduled work, the local console)
     * @since 1.1
     */
    public static String current() {
        return CURRENT.get();
    }

    /**
     * Makes {@code origin} the current thread's origin until the returned scope is closed, which restores the one
     * before.
     *
     * @param origin where the request comes from, e.g. an IP address; {@code null} for none
     * @return the scope to close when the request is served
     * @since 1.1
     */
    public static Scope enter(String origin) {
        String previous = CURRENT.get();
        String cut = origin == null || origin.length() <= MAX_LENGTH ? origin : origin.substring(0, MAX_LENGTH);
        if (cut == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(cut);
        }
        return new Scope(previous);
    }

    /**
     * The time an origin is current; closing it restores the origin before.
     *
     * @since 1.1
     */
    public static final class Scope implements AutoCloseable {

        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
