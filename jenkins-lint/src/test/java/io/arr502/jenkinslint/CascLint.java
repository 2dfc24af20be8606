package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What JCasC exports for a data-bound object, from the plugin's sources: the constructor parameters, and each
 * setter field only where it differs from a fresh instance's (configuration-as-code's
 * DataBoundConfigurator.describe builds a reference from the constructor arguments and BaseConfigurator.compare
 * skips equal attributes). A fresh instance's value is the field's initialiser; readResolve does not run.
 */
final class CascLint {
    private CascLint() {
    }

    /** The export JCasC would write for one configured object (keys sorted, values as strings). */
    static Map<String, String> expectedExport(TypeDeclaration<?> type, List<CompilationUnit> units, Map<String, ?> configured) {
        Map<String, String> out = new TreeMap<>();
        List<String> ctor = type.getConstructors().stream().filter(c -> c.isAnnotationPresent("DataBoundConstructor"))
                .flatMap(c -> c.getParameters().stream()).map(p -> p.getNameAsString()).toList();
        configured.forEach((k, v) -> {
            String value = String.valueOf(v);
            if (ctor.contains(k) || !value.equals(defaultOf(type, units, k).orElse(null))) {
                out.put(k, value);
            }
        });
        return out;
    }

    /** Keys that bind to nothing on the type: JCasC rejects or ignores them. */
    static List<String> unknownKeys(TypeDeclaration<?> type, Map<String, ?> configured) {
        List<String> out = new ArrayList<>();
        for (String k : configured.keySet()) {
            if (!FormFieldLint.binds(type, k)) {
                out.add(type.getNameAsString() + ": '" + k + "' is neither a @DataBoundConstructor parameter nor a @DataBoundSetter");
            }
        }
        return out;
    }

    /** A fresh instance's value of a field, as a string; empty when it cannot be read from the source. */
    static Optional<String> defaultOf(TypeDeclaration<?> type, List<CompilationUnit> units, String field) {
        for (FieldDeclaration fd : type.getFields()) {
            for (VariableDeclarator v : fd.getVariables()) {
                if (v.getNameAsString().equals(field)) {
                    if (v.getInitializer().isEmpty()) {
                        String t = v.getTypeAsString();
                        return Optional.ofNullable(t.equals("boolean") ? "false" : t.equals("int") || t.equals("long") ? "0" : null);
                    }
                    return constant(v.getInitializer().get(), type, units);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> constant(Expression e, TypeDeclaration<?> type, List<CompilationUnit> units) {
        if (e instanceof LiteralStringValueExpr l) {
            return Optional.of(l.getValue());
        }
        if (e.isBooleanLiteralExpr()) {
            return Optional.of(Boolean.toString(e.asBooleanLiteralExpr().getValue()));
        }
        if (e instanceof NameExpr n) {
            return defaultOf(type, units, n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f) {
            String owner = f.getScope().toString();
            for (CompilationUnit u : units) {
                for (TypeDeclaration<?> t : u.findAll(TypeDeclaration.class)) {
                    if (t.getNameAsString().equals(owner)) {
                        return defaultOf(t, units, f.getNameAsString());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
