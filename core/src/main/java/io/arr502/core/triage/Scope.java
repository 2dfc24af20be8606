package io.arr502.core.triage;

import io.arr502.core.log.RouteFilter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Which routes and sites a triage judges (long polls, SignalR, health probes out). Routes are matched on the
 * normalised route ({@code /api/orders/{id}}), sites on the log folder name ({@code W3SVC2}); a pattern is a glob
 * ({@code *} any characters, {@code ?} one) unless it starts with {@code regex:}. Excludes win over includes; no
 * include means everything. Sites are chosen when the log folders are listed; routes in the log engine, once per
 * distinct route ({@link #routeFilter()}), so that no figure counts an excluded route and no line costs a pattern match.
 */
public record Scope(List<String> includeRoutes, List<String> excludeRoutes, List<String> includeSites, List<String> excludeSites) {

    public static final Scope ALL = new Scope(List.of(), List.of(), List.of(), List.of());

    public Scope {
        includeRoutes = includeRoutes == null ? List.of() : List.copyOf(includeRoutes);
        excludeRoutes = excludeRoutes == null ? List.of() : List.copyOf(excludeRoutes);
        includeSites = includeSites == null ? List.of() : List.copyOf(includeSites);
        excludeSites = excludeSites == null ? List.of() : List.copyOf(excludeSites);
        for (List<String> l : List.of(includeRoutes, excludeRoutes, includeSites, excludeSites)) {
            l.forEach(Scope::compile); // a bad pattern fails here, with a one-line reason
        }
    }

    public boolean isAll() {
        return includeRoutes.isEmpty() && excludeRoutes.isEmpty() && includeSites.isEmpty() && excludeSites.isEmpty();
    }

    public boolean route(String route) {
        return in(route, includeRoutes, excludeRoutes, false);
    }

    public boolean site(String folderName) {
        return in(folderName, includeSites, excludeSites, true);
    }

    private static boolean in(String s, List<String> include, List<String> exclude, boolean ignoreCase) {
        String v = ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
        if (exclude.stream().anyMatch(p -> matches(p, v, ignoreCase))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(p -> matches(p, v, ignoreCase));
    }

    private static final Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean matches(String pattern, String value, boolean ignoreCase) {
        Pattern p = compile(pattern);
        return (ignoreCase ? Pattern.compile(p.pattern(), Pattern.CASE_INSENSITIVE) : p).matcher(value).matches();
    }

    static Pattern compile(String pattern) {
        return CACHE.computeIfAbsent(pattern, k -> {
            try {
                if (k.startsWith("regex:")) {
                    return Pattern.compile(k.substring(6));
                }
                StringBuilder b = new StringBuilder();
                for (char c : k.toCharArray()) {
                    b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
                }
                return Pattern.compile(b.toString());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a valid route/site pattern: " + k + " (" + e.getDescription() + ")");
            }
        });
    }

    /**
     * The log inputs for the chosen sites: a W3SVC&lt;n&gt; folder (or a file in one) is kept or dropped by its name; a
     * folder holding W3SVC&lt;n&gt; folders is replaced by the chosen ones. Other inputs are kept.
     */
    public List<Path> inputs(List<Path> inputs) {
        if (includeSites.isEmpty() && excludeSites.isEmpty()) {
            return inputs;
        }
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            Path folder = Files.isDirectory(p) ? p : p.getParent();
            String name = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
            if (name.toUpperCase(Locale.ROOT).startsWith("W3SVC")) {
                if (site(name)) {
                    out.add(p);
                }
                continue;
            }
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            List<Path> sites;
            try (Stream<Path> s = Files.list(p)) {
                sites = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("W3SVC")).sorted().toList();
            } catch (IOException e) {
                out.add(p); // the engine reports the unreadable folder
                continue;
            }
            if (sites.isEmpty()) {
                out.add(p);
            } else {
                sites.stream().filter(d -> site(d.getFileName().toString())).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * The route filter for the log engine, which leaves the excluded routes' lines out before counting anything (every
     * figure of the summary, per-minute ones included); null when every route counts.
     */
    public RouteFilter routeFilter() {
        if (includeRoutes.isEmpty() && excludeRoutes.isEmpty()) {
            return null;
        }
        return new RouteFilter((includeRoutes.isEmpty() ? "" : "include " + String.join(" ", includeRoutes))
                + (includeRoutes.isEmpty() || excludeRoutes.isEmpty() ? "" : "; ")
                + (excludeRoutes.isEmpty() ? "" : "exclude " + String.join(" ", excludeRoutes)), this::route);
    }
}
