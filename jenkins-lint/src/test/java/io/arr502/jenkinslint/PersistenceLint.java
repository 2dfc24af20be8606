package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Jenkins saves with XStream (job config, build.xml, global configuration, the data package) must be
 * restorable: XStream cannot set a record's fields, it skips constructors and field initialisers (so a
 * field with a default needs {@code readResolve}, except where Jenkins unmarshals onto a live instance:
 * GlobalConfiguration and descriptors), and on Java 17 it cannot write the JDK's immutable collections
 * ({@code List.of}, {@code List.copyOf}, …) without opening java.base. Stored fields may hold only
 * strings, numbers, booleans, lists and maps of them, and other stored classes of the plugin.
 */
final class PersistenceLint {
    /** Supertypes whose instances Jenkins writes with XStream. */
    static final Set<String> STORED_SUPERTYPES = Set.of("Builder", "Recorder", "Notifier", "Publisher", "GlobalConfiguration",
            "Describable", "AbstractDescribableImpl", "RunAction2", "Cause", "JobProperty", "InvisibleAction");
    /** Loaded by Jenkins onto an instance built by its constructor: initialisers do run. */
    static final Set<String> LOADED_ONTO_INSTANCE = Set.of("GlobalConfiguration", "Descriptor");
    static final Set<String> VALUE_TYPES = Set.of("String", "boolean", "int", "long", "double", "float", "short", "byte", "char",
            "Boolean", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character");
    static final Set<String> CONTAINERS = Set.of("List", "ArrayList", "Map", "HashMap", "LinkedHashMap", "TreeMap", "Set", "HashSet",
            "LinkedHashSet", "TreeSet", "Collection");
    static final Set<String> IMMUTABLE_FACTORIES = Set.of("List.of", "List.copyOf", "Set.of", "Set.copyOf", "Map.of", "Map.copyOf",
            "Map.ofEntries", "Collections.unmodifiableList", "Collections.unmodifiableMap", "Collections.unmodifiableSet",
            "Collections.emptyList", "Collections.emptyMap", "Collections.emptySet", "Collections.singletonList", "Stream.toList");

    private PersistenceLint() {
    }

    /**
     * @param storedPackages packages whose every class is stored (the data package)
     */
    static List<String> check(List<CompilationUnit> units, Set<String> storedPackages) {
        Map<String, TypeDeclaration<?>> bySimpleName = new LinkedHashMap<>();
        for (CompilationUnit u : units) {
            for (TypeDeclaration<?> t : u.findAll(TypeDeclaration.class)) {
                bySimpleName.put(t.getNameAsString(), t);
            }
        }
        List<TypeDeclaration<?>> stored = new ArrayList<>();
        for (TypeDeclaration<?> t : bySimpleName.values()) {
            String pkg = t.findCompilationUnit().flatMap(CompilationUnit::getPackageDeclaration).map(p -> p.getNameAsString()).orElse("");
            boolean inStoredPackage = storedPackages.contains(pkg) && t.isTopLevelType();
            if (inStoredPackage || supertypes(t).stream().anyMatch(STORED_SUPERTYPES::contains)) {
                stored.add(t);
            }
        }
        List<String> problems = new ArrayList<>();
        // the plugin's own classes reached from stored fields are stored too
        for (int i = 0; i < stored.size(); i++) {
            problems.addAll(checkType(stored.get(i), bySimpleName));
            for (FieldDeclaration f : stored.get(i).getFields()) {
                if (f.isStatic() || f.isTransient()) {
                    continue;
                }
                for (ClassOrInterfaceType c : f.getElementType().findAll(ClassOrInterfaceType.class)) {
                    TypeDeclaration<?> own = bySimpleName.get(c.getNameAsString());
                    if (own != null && !stored.contains(own)) {
                        stored.add(own);
                    }
                }
                if (f.getElementType().isClassOrInterfaceType()) {
                    TypeDeclaration<?> own = bySimpleName.get(f.getElementType().asClassOrInterfaceType().getNameAsString());
                    if (own != null && !stored.contains(own)) {
                        stored.add(own);
                    }
                }
            }
        }
        return problems;
    }

    static List<String> supertypes(TypeDeclaration<?> t) {
        List<String> out = new ArrayList<>();
        if (t instanceof ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(x -> out.add(x.getNameAsString()));
            c.getImplementedTypes().forEach(x -> out.add(x.getNameAsString()));
        } else if (t instanceof RecordDeclaration r) {
            r.getImplementedTypes().forEach(x -> out.add(x.getNameAsString()));
        }
        return out;
    }

    private static List<String> checkType(TypeDeclaration<?> t, Map<String, TypeDeclaration<?>> types) {
        List<String> problems = new ArrayList<>();
        String name = t.getNameAsString();
        if (t instanceof RecordDeclaration) {
            problems.add(name + " is stored but is a record: XStream cannot restore records (after a restart it is null)");
            return problems;
        }
        boolean initialisersRun = supertypes(t).stream().anyMatch(LOADED_ONTO_INSTANCE::contains);
        boolean hasReadResolve = !t.getMethodsByName("readResolve").isEmpty();
        List<String> storedFields = new ArrayList<>();
        for (FieldDeclaration f : t.getFields()) {
            if (f.isStatic() || f.isTransient()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                storedFields.add(v.getNameAsString());
                String bad = badType(v.getType(), types);
                if (bad != null) {
                    problems.add(name + "." + v.getNameAsString() + " is stored but its type " + bad);
                }
                if (v.getInitializer().isPresent() && !initialisersRun && !hasReadResolve) {
                    problems.add(name + "." + v.getNameAsString() + " has a default (" + v.getInitializer().get()
                            + ") but " + name + " has no readResolve: XStream skips initialisers, so older data leaves it null");
                }
                v.getInitializer().filter(PersistenceLint::immutableJdkCollection).ifPresent(e -> problems.add(name + "."
                        + v.getNameAsString() + " starts as " + e + ": XStream cannot write the JDK's immutable collections"));
            }
        }
        for (AssignExpr a : t.findAll(AssignExpr.class)) {
            String target = a.getTarget().toString().replace("this.", "");
            if (storedFields.contains(target) && immutableJdkCollection(a.getValue())) {
                problems.add(name + "." + target + " is assigned " + a.getValue() + ": XStream cannot write the JDK's immutable collections");
            }
        }
        return problems;
    }

    private static boolean immutableJdkCollection(Expression e) {
        Expression x = e.isConditionalExpr() ? e.asConditionalExpr().getElseExpr() : e;
        if (e.isConditionalExpr() && immutableJdkCollection(e.asConditionalExpr().getThenExpr())) {
            return true;
        }
        if (!(x instanceof MethodCallExpr m)) {
            return false;
        }
        String scope = m.getScope().map(s -> s instanceof MethodCallExpr ? "Stream" : s.toString()).orElse("");
        String call = scope.substring(scope.lastIndexOf('.') + 1) + "." + m.getNameAsString();
        return IMMUTABLE_FACTORIES.contains(call);
    }

    /** Null when the type round-trips, else why not. */
    private static String badType(Type type, Map<String, TypeDeclaration<?>> types) {
        if (type.isPrimitiveType()) {
            return null;
        }
        if (!type.isClassOrInterfaceType()) {
            return type.isArrayType() ? null : "is " + type;
        }
        ClassOrInterfaceType c = type.asClassOrInterfaceType();
        String simple = c.getNameAsString();
        if (VALUE_TYPES.contains(simple)) {
            return null;
        }
        if (CONTAINERS.contains(simple)) {
            for (Type arg : c.getTypeArguments().orElse(new com.github.javaparser.ast.NodeList<>())) {
                String bad = badType(arg, types);
                if (bad != null) {
                    return "holds " + arg + ", which " + bad;
                }
            }
            return null;
        }
        TypeDeclaration<?> own = types.get(simple);
        if (own == null) {
            return "is " + simple + ", not a value, a collection or a stored class of the plugin";
        }
        if (own instanceof RecordDeclaration) {
            return "is the record " + simple + ": XStream cannot restore records";
        }
        return null;
    }
}
