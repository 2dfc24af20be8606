package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jenkins generates {@code Messages} from {@code Messages.properties} (key {@code A.B} becomes
 * {@code Messages.A_B(args…)}, one argument per {@code {n}}): a call without its key, with the wrong
 * number of arguments, or a key nobody calls is found here, not by a failing -Pjenkins build.
 */
final class MessagesLint {
    private MessagesLint() {
    }

    /**
     * @param units      the plugin's sources
     * @param bundles    each package's Messages.properties, by package name
     */
    static List<String> check(List<CompilationUnit> units, Map<String, Properties> bundles) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (CompilationUnit u : units) {
            String pkg = u.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (MethodCallExpr call : u.findAll(MethodCallExpr.class)) {
                if (call.getScope().isEmpty() || !call.getScope().get().toString().equals("Messages")) {
                    continue;
                }
                String key = call.getNameAsString().replace('_', '.');
                Properties p = bundles.get(pkg);
                used.add(pkg + ":" + key);
                if (p == null || p.getProperty(key) == null) {
                    problems.add(pkg + ": Messages." + call.getNameAsString() + "() has no key '" + key + "' in Messages.properties");
                    continue;
                }
                int expected = new MessageFormat(p.getProperty(key)).getFormatsByArgumentIndex().length;
                if (expected != call.getArguments().size()) {
                    problems.add(pkg + ": Messages." + call.getNameAsString() + " takes " + expected + " argument(s), called with "
                            + call.getArguments().size());
                }
            }
        }
        bundles.forEach((pkg, p) -> p.stringPropertyNames().stream().sorted().filter(k -> !used.contains(pkg + ":" + k))
                .forEach(k -> problems.add(pkg + ": Messages.properties key '" + k + "' is never used")));
        return problems;
    }
}
