package org.civicgrid.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the built console from this bundle under {@code /console/}: its files as they are, and {@code index.html}
 * for any other path without a file extension, so a bookmarked page ({@code /console/cases/…}) opens the app,
 * which then shows that page.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("civicgrid-console")
@HttpWhiteboardServletPattern({"/console", "/console/*"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Where the build puts the app inside the bundle. */
    static final String ROOT = "console";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("eot", "application/vnd.ms-fontobject"));

    /** The app's own scripts and styles only; map tiles may come from a configured tile service. */
    static final String POLICY = "default-src 'self'; img-src * data: blob:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        String file = resolve(path);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL resource = getClass().getClassLoader().getResource(ROOT + "/" + file);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.getOrDefault(extension(file), "application/octet-stream"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (file.startsWith("assets/")) {
            // Vite names built files by their content: a changed file gets a new name.
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else {
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", POLICY);
        }
        try (InputStream in = resource.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /**
     * @param path the request path below {@code /console}, starting with a slash
     * @return the file to serve, relative to the app's root; {@code null} for a path that may not be served
     */
    static String resolve(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        for (String segment : relative.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.contains("\\")) {
                return null;
            }
        }
        if (relative.isEmpty() || relative.endsWith("/")) {
            return "index.html";
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        // A page of the app (no extension) is the app; a missing file (with one) is missing.
        return last.contains(".") ? relative : "index.html";
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }
}
