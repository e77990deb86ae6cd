package org.civicgrid.core.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a request to {@code /api} for the moment the JAX-RS endpoint is being rebuilt, instead of answering it
 * with a 404.
 *
 * <p>When a plug-in's resources join or leave the application (a plug-in installed, removed, or restarted), the
 * whiteboard replaces the application's CXF endpoint: for that moment — tens of milliseconds, a second or two under
 * load — CXF finds no endpoint for the path and answers {@code 404 "No service was found."} (text/html), before it
 * has read anything of the request. Measured: 95 failed core requests while a plug-in was installed under load.
 * This filter recognises exactly that answer (a 404 whose body CXF writes as text/html; the platform's own 404s are
 * {@code application/problem+json}), discards it and passes the same request again, every
 * {@value #PAUSE_MILLIS} ms for at most {@value #PATIENCE_MILLIS} ms; then the 404 goes out as it was.
 *
 * <p>The same moment has a second face: the request meets the new destination before the endpoint has attached to
 * it, and CXF fails with a {@code NullPointerException} in {@code AbstractHTTPDestination.invoke} (seen once in 232
 * reports while plug-ins came and went: a 500 to a resident). That failure, too, happens before the request is read,
 * and is passed again the same way.
 */
@Component(service = Filter.class, immediate = true, property = {
    "osgi.http.whiteboard.filter.name=civicgrid-endpoint-rebuild-wait",
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.path=" + ApiApplication.BASE + ")"})
public class EndpointRebuildWait implements Filter {

    static final long PAUSE_MILLIS = 50;
    static final long PATIENCE_MILLIS = 10_000;

    static final String CXF_DESTINATION = "org.apache.cxf.transport.http.AbstractHTTPDestination";

    private static final Logger LOG = LoggerFactory.getLogger(EndpointRebuildWait.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        int attempts = 0;
        while (true) {
            attempts++;
            boolean lastChance = System.nanoTime() > deadline;
            GapDetector attempt = new GapDetector((HttpServletResponse) response, lastChance);
            try {
                chain.doFilter(request, attempt);
            } catch (IOException | ServletException | RuntimeException failure) {
                if (lastChance || response.isCommitted() || !isEndpointWithoutObserver(failure)) {
                    throw failure;
                }
                attempt.gap = true;
                response.resetBuffer();
            }
            if (!attempt.gap) {
                attempt.release();
                if (attempts > 1) {
                    LOG.info("Request waited {} ms for the API endpoint being rebuilt",
                            (attempts - 1) * PAUSE_MILLIS);
                }
                return;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempt.releaseGap();
                return;
            }
        }
    }

    /**
     * Whether a request failed because it met CXF's destination between its creation and the moment the endpoint
     * attaches to it: {@code AbstractHTTPDestination.invoke} then calls its message observer while it is still
     * {@code null}. That happens before anything of the request is read or run, so passing it again is safe; any
     * other failure is a real one and is left alone.
     */
    static boolean isEndpointWithoutObserver(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NullPointerException) {
                StackTraceElement[] trace = t.getStackTrace();
                // The JVM names the null field (helpful NullPointerException messages, on by default since 15);
                // without a message the frame alone decides.
                String message = t.getMessage();
                return trace.length > 0 && trace[0].getClassName().equals(CXF_DESTINATION)
                        && trace[0].getMethodName().equals("invoke")
                        && (message == null || message.contains("incomingObserver"));
            }
        }
        return false;
    }

    /**
     * Holds back a 404 until it is known whether it is CXF's "no endpoint" answer (text/html) or a real one; on
     * the last chance it passes everything through.
     */
    static final class GapDetector extends HttpServletResponseWrapper {

        private final boolean passThrough;
        private boolean pending404;
        boolean gap;

        GapDetector(HttpServletResponse response, boolean passThrough) {
            super(response);
            this.passThrough = passThrough;
        }

        @Override
        public void setStatus(int status) {
            if (status == 404 && !passThrough && !isCommitted()) {
                pending404 = true;
                return;
            }
            pending404 = false;
            super.setStatus(status);
        }

        @Override
        public void setContentType(String type) {
            if (pending404 && type != null && type.startsWith("text/html")) {
                gap = true;
                return;
            }
            applyPending();
            super.setContentType(type);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (gap) {
                return new PrintWriter(Writer.nullWriter());
            }
            applyPending();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (gap) {
                return new DiscardingStream();
            }
            applyPending();
            return super.getOutputStream();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (gap) {
                return;
            }
            applyPending();
            super.flushBuffer();
        }

        /** Called when the attempt is the answer: a 404 held back and never followed by output goes out now. */
        void release() {
            applyPending();
        }

        /** Gives up waiting: the gap's 404 goes out after all. */
        void releaseGap() throws IOException {
            if (gap) {
                ((HttpServletResponse) getResponse()).sendError(404, "No service was found.");
            }
        }

        private void applyPending() {
            if (pending404) {
                pending404 = false;
                super.setStatus(404);
            }
        }
    }

    private static final class DiscardingStream extends ServletOutputStream {

        private final OutputStream sink = OutputStream.nullOutputStream();

        @Override
        public void write(int b) throws IOException {
            sink.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // Nothing is ever written.
        }
    }
}
