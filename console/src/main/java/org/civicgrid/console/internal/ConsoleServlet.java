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

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the built console from this bundle under {@code /console/}: its files as they are, and {@code index.html}
 * for any other path without a file extension, so a bookmarked page ({@code /console/cases/…}) opens the app,
 * which then shows that page.
 *
 * <p>Below {@code /console/plugins/<plugin>/} it serves the files of an active plug-in's {@code console/} folder
 * (its panels' modules), from the plug-in's own bundle: they go when the plug-in is stopped or removed. They hold
 * no data (that comes through the API with the user's own session), so fetching them needs no sign-in.
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

    /** Where plug-ins' files are served, below {@code /console}. */
    static final String PLUGINS = "/plugins/";

    /** A file of a plug-in's {@code console/} folder. */
    record PluginFile(String plugin, String path) {
    }

    private final transient PanelTracker panels;

    @Activate
    public ConsoleServlet(@Reference PanelTracker panels) {
        this.panels = panels;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        if (path.startsWith(PLUGINS)) {
            servePlugin(path, request, response);
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

    private void servePlugin(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PluginFile file = resolvePlugin(path);
        Bundle bundle = file == null ? null : panels.bundle(file.plugin()).orElse(null);
        URL resource = bundle == null ? null : bundle.getEntry(PanelDeclarations.MODULE_FOLDER + file.path());
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        String etag = "\"" + ConsoleResource.version(bundle) + "\"";
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(TYPES.getOrDefault(extension(file.path()), "application/octet-stream"));
        try (InputStream in = resource.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /**
     * @param path the request path below {@code /console}, starting with {@value #PLUGINS}
     * @return the plug-in and the file below its bundle's {@code console/} folder; {@code null} for a path that may
     *     not be served (no plug-in or file named, a step out of the folder, a folder rather than a file)
     */
    static PluginFile resolvePlugin(String path) {
        if (!path.startsWith(PLUGINS)) {
            return null;
        }
        String rest = path.substring(PLUGINS.length());
        int slash = rest.indexOf('/');
        if (slash < 1) {
            return null;
        }
        String plugin = rest.substring(0, slash);
        String file = rest.substring(slash + 1);
        if (plugin.equals(".") || plugin.equals("..") || file.isEmpty() || file.endsWith("/")) {
            return null;
        }
        for (String segment : file.split("/")) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".") || segment.contains("\\")
                    || segment.contains(":")) {
                return null;
            }
        }
        String last = file.substring(file.lastIndexOf('/') + 1);
        return last.contains(".") ? new PluginFile(plugin, file) : null;
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
