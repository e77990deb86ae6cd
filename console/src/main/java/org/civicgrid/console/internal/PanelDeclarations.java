package org.civicgrid.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.civicgrid.core.api.directory.Role;

/**
 * Reads the {@value #HEADER} manifest header: comma-separated panels, each a name followed by
 * {@code ;key=value} attributes (values with commas, semicolons or spaces in double quotes):
 *
 * <pre>
 * Civicgrid-Console-Panel: disputes;title="人民调解";title.en="Mediation";
 *   endpoint="/api/mediation/disputes?region={region}";roles="MEDIATOR,COMMAND_OPERATOR";order=10
 * </pre>
 *
 * A panel with {@code module="console/disputes.js"} is a page of its own: a JavaScript module inside the bundle, below
 * its {@code console/} folder, which the console loads and renders; its {@code endpoint} is then optional.
 */
final class PanelDeclarations {

    /** The manifest header a plug-in declares its console panels in. */
    static final String HEADER = "Civicgrid-Console-Panel";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final Set<String> KEYS = Set.of("title", "endpoint", "module", "roles", "order");
    /** Where a plug-in keeps its console modules inside its bundle. */
    static final String MODULE_FOLDER = "console/";
    private static final Pattern MODULE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private PanelDeclarations() {
    }

    /**
     * @param plugin the declaring plug-in's name
     * @param header the header's value
     * @return the panels, in the order declared
     * @throws IllegalArgumentException naming what is wrong, if any panel is badly declared
     */
    static List<ConsolePanel> parse(String plugin, String header) {
        List<ConsolePanel> panels = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> parts = split(clause, ';');
            String id = parts.get(0).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Panel name '" + id + "' must be lower-case letters, digits and dashes.");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Panel " + id + " is declared twice.");
            }
            panels.add(panel(plugin, id, parts.subList(1, parts.size())));
        }
        return panels;
    }

    private static ConsolePanel panel(String plugin, String id, List<String> attributes) {
        Map<String, String> titles = new LinkedHashMap<>();
        String endpoint = null;
        String module = null;
        Set<String> roles = new TreeSet<>();
        int order = 100;
        for (String attribute : attributes) {
            int equals = attribute.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Panel " + id + ": '" + attribute.strip() + "' is not key=value.");
            }
            String key = attribute.substring(0, equals).strip();
            String value = unquote(attribute.substring(equals + 1).strip());
            if (key.startsWith("title.") && LANGUAGE.matcher(key.substring(6)).matches()) {
                titles.put(key.substring(6), value);
                continue;
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Panel " + id + ": unknown attribute " + key
                        + "; known are title, title.<language>, endpoint, module, roles and order.");
            }
            switch (key) {
                case "title" -> titles.put("zh-CN", value);
                case "endpoint" -> endpoint = value;
                case "module" -> module = module(id, value);
                case "roles" -> {
                    for (String role : value.split(",")) {
                        if (!role.isBlank()) {
                            roles.add(role(id, role.strip()));
                        }
                    }
                }
                default -> order = order(id, value);
            }
        }
        if (!titles.containsKey("zh-CN")) {
            throw new IllegalArgumentException("Panel " + id + " needs a title (in Chinese; title.en=… for English).");
        }
        if (endpoint == null && module == null || endpoint != null && (!endpoint.startsWith("/api/") || endpoint.contains("..") || endpoint.contains("//"))) {
            throw new IllegalArgumentException("Panel " + id + " needs an endpoint under /api/, e.g. endpoint=\"/api/"
                    + plugin + "/…\", or a module, e.g. module=\"console/" + id + ".js\".");
        }
        return new ConsolePanel(plugin, id, titles.get("zh-CN"), titles, endpoint, module, roles, order);
    }

    /**
     * @param value the declared module: a path inside the bundle, below {@value #MODULE_FOLDER}, ending in {@code .js}
     * @return its path below {@value #MODULE_FOLDER}
     */
    private static String module(String id, String value) {
        String example = " (e.g. module=\"console/" + id + ".js\")";
        if (value.startsWith("/") || value.contains("\\") || value.contains(":")) {
            throw new IllegalArgumentException("Panel " + id + ": module " + value
                    + " must be a relative path inside the bundle" + example + ".");
        }
        if (!value.startsWith(MODULE_FOLDER)) {
            throw new IllegalArgumentException("Panel " + id + ": module " + value + " must be in the bundle's "
                    + MODULE_FOLDER + " folder" + example + ".");
        }
        if (!value.endsWith(".js")) {
            throw new IllegalArgumentException("Panel " + id + ": module " + value
                    + " must be a JavaScript file ending in .js" + example + ".");
        }
        String below = value.substring(MODULE_FOLDER.length());
        for (String segment : below.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("Panel " + id + ": module " + value
                        + " may not leave the console/ folder (no . or .. in its path).");
            }
            if (!MODULE_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Panel " + id + ": module " + value
                        + " may hold only letters, digits, '_', '-' and '.' between its slashes" + example + ".");
            }
        }
        return below;
    }

    private static String role(String id, String role) {
        try {
            return Role.valueOf(role).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Panel " + id + ": unknown role " + role + "; roles are "
                    + List.of(Role.values()) + ".", e);
        }
    }

    private static int order(String id, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Panel " + id + ": order must be a whole number, not " + value + ".", e);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Splits at the separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unbalanced double quote in: " + text);
        }
        parts.add(part.toString());
        return parts;
    }
}
