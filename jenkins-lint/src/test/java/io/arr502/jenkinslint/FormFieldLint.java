package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A form's {@code field="x"} binds to its class as Stapler and structs' DescribableModel do: the form
 * reads {@code getX()}/{@code isX()} (or a public field), saving passes x to the
 * {@code @DataBoundConstructor} or {@code @DataBoundSetter setX}; a missing half shows an empty field or
 * silently drops the value. Each field also needs its {@code help-x.html}, and an {@code f:select} its
 * {@code doFillXItems} (on the class or its descriptor).
 */
final class FormFieldLint {
    private FormFieldLint() {
    }

    /** The field names of a config view, with whether each is an f:select. */
    static Map<String, Boolean> fields(String jelly) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(jelly.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Map<String, Boolean> out = new LinkedHashMap<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String field = e.getAttribute("field");
            if (!field.isEmpty()) {
                boolean select = "select".equals(e.getLocalName()) || e.getElementsByTagNameNS("/lib/form", "select").getLength() > 0;
                out.merge(field, select, Boolean::logicalOr);
            }
        }
        return out;
    }

    /**
     * @param view       name in messages
     * @param type       the class the view belongs to
     * @param helpFiles  the file names beside the view
     */
    static List<String> check(String view, String jelly, TypeDeclaration<?> type, Set<String> helpFiles) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Boolean> f : fields(jelly).entrySet()) {
            String x = f.getKey();
            String cap = Character.toUpperCase(x.charAt(0)) + x.substring(1);
            if (!readable(type, x, cap)) {
                problems.add(view + ": field '" + x + "' has no public get" + cap + "()/is" + cap + "() on " + type.getNameAsString()
                        + ": the form shows it empty");
            }
            if (!writable(type, x, cap)) {
                problems.add(view + ": field '" + x + "' is neither a @DataBoundConstructor parameter nor a @DataBoundSetter set" + cap
                        + " on " + type.getNameAsString() + ": its value is dropped on save");
            }
            if (!helpFiles.contains("help-" + x + ".html")) {
                problems.add(view + ": field '" + x + "' has no help-" + x + ".html");
            }
            if (f.getValue() && !hasMethod(type, "doFill" + cap + "Items", true)) {
                problems.add(view + ": select '" + x + "' has no doFill" + cap + "Items on " + type.getNameAsString() + " or its descriptor");
            }
        }
        return problems;
    }

    private static boolean readable(TypeDeclaration<?> t, String x, String cap) {
        for (MethodDeclaration m : t.getMethods()) {
            if (m.isPublic() && !m.isStatic() && m.getParameters().isEmpty()
                    && (m.getNameAsString().equals("get" + cap) || m.getNameAsString().equals("is" + cap))) {
                return true;
            }
        }
        for (FieldDeclaration fd : t.getFields()) {
            if (fd.isPublic() && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(x))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a configured value named x reaches the object (constructor parameter or setter). */
    static boolean binds(TypeDeclaration<?> t, String x) {
        return writable(t, x, Character.toUpperCase(x.charAt(0)) + x.substring(1));
    }

    private static boolean writable(TypeDeclaration<?> t, String x, String cap) {
        for (ConstructorDeclaration c : t.getConstructors()) {
            if (c.isAnnotationPresent("DataBoundConstructor") && c.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(x))) {
                return true;
            }
        }
        for (MethodDeclaration m : t.getMethods()) {
            if (m.isAnnotationPresent("DataBoundSetter") && m.getNameAsString().equals("set" + cap) && m.getParameters().size() == 1) {
                return true;
            }
        }
        for (FieldDeclaration fd : t.getFields()) {
            if (fd.isAnnotationPresent("DataBoundSetter") && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(x))) {
                return true;
            }
        }
        return false;
    }

    /** On the type itself or on a nested type (its descriptor). */
    private static boolean hasMethod(TypeDeclaration<?> t, String name, boolean nested) {
        if (t.getMethodsByName(name).stream().anyMatch(m -> m.hasModifier(Modifier.Keyword.PUBLIC))) {
            return true;
        }
        return nested && t.getMembers().stream().filter(m -> m instanceof TypeDeclaration<?>)
                .anyMatch(m -> hasMethod((TypeDeclaration<?>) m, name, false));
    }

    /** The class a view belongs to: its folder under resources, as a binary name. */
    static Optional<TypeDeclaration<?>> owner(List<CompilationUnit> units, String viewFolder) {
        return JavaSources.type(units, viewFolder.replace('/', '.').replace('\\', '.'));
    }
}
