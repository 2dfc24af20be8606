package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.Type;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a callable carries to an agent is Java-serialized by remoting: every non-transient field of a
 * {@code MasterToSlaveFileCallable}/{@code MasterToSlaveCallable} must be serializable, and so must its
 * answer, or the step fails with NotSerializableException. Types from core and the data package are loaded and asked.
 */
final class RemotingLint {
    static final Set<String> CALLABLES = Set.of("MasterToSlaveFileCallable", "MasterToSlaveCallable");
    static final Set<String> PLAIN = Set.of("String", "List", "Map", "boolean", "int", "long", "double", "char", "Boolean", "Integer",
            "Long", "Double");

    private RemotingLint() {
    }

    static List<String> check(List<CompilationUnit> units) {
        List<String> problems = new ArrayList<>();
        for (CompilationUnit u : units) {
            for (ClassOrInterfaceDeclaration c : u.findAll(ClassOrInterfaceDeclaration.class)) {
                if (c.getExtendedTypes().stream().noneMatch(t -> CALLABLES.contains(t.getNameAsString()))) {
                    continue;
                }
                // the answer comes back the same way
                c.getExtendedTypes().forEach(t -> t.getTypeArguments().ifPresent(args -> args.forEach(a -> {
                    String why = notSerializable(a, u);
                    if (why != null) {
                        problems.add(c.getNameAsString() + " answers " + a + " but " + why);
                    }
                })));
                for (FieldDeclaration f : c.getFields()) {
                    if (f.isStatic() || f.isTransient()) {
                        continue;
                    }
                    for (VariableDeclarator v : f.getVariables()) {
                        String why = notSerializable(v.getType(), u);
                        if (why != null) {
                            problems.add(c.getNameAsString() + "." + v.getNameAsString() + " goes to the agent but " + why);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static String notSerializable(Type type, CompilationUnit u) {
        Type element = type.isArrayType() ? type.asArrayType().getElementType() : type;
        if (element.isPrimitiveType()) {
            return null;
        }
        String simple = element.asClassOrInterfaceType().getNameAsString();
        if (PLAIN.contains(simple)) {
            return null;
        }
        String name = element.asClassOrInterfaceType().getScope().isPresent() ? element.asString().replaceAll("<.*", "")
                : u.getImports().stream().map(ImportDeclaration::getNameAsString).filter(i -> i.endsWith("." + simple)).findFirst()
                .orElse(u.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + simple);
        try {
            Class<?> k = Class.forName(name, false, RemotingLint.class.getClassLoader());
            return Serializable.class.isAssignableFrom(k) ? null : name + " is not Serializable";
        } catch (ClassNotFoundException e) {
            return name + " cannot be checked here (not core or the data package)";
        }
    }
}
