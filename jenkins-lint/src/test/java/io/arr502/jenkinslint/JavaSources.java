package io.arr502.jenkinslint;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plugin's Java sources as syntax trees (JavaParser; the plugin itself is compiled only with -Pjenkins). */
final class JavaSources {
    private JavaSources() {
    }

    static CompilationUnit parse(String source) {
        ParseResult<CompilationUnit> r = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)).parse(source);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            throw new IllegalArgumentException("does not parse: " + r.getProblems());
        }
        return r.getResult().get();
    }

    static List<CompilationUnit> plugin() {
        List<CompilationUnit> out = new ArrayList<>();
        for (Path p : PluginTree.files(PluginTree.JAVA, ".java")) {
            out.add(parse(PluginTree.read(p)));
        }
        return out;
    }

    /** A type by its binary name (Outer$Inner) among the units. */
    static Optional<TypeDeclaration<?>> type(List<CompilationUnit> units, String binaryName) {
        for (CompilationUnit u : units) {
            for (TypeDeclaration<?> t : u.findAll(TypeDeclaration.class)) {
                if (binaryName(t).equals(binaryName)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    static String binaryName(TypeDeclaration<?> t) {
        String outer = t.getParentNode().filter(n -> n instanceof TypeDeclaration<?>).map(n -> binaryName((TypeDeclaration<?>) n) + "$")
                .orElseGet(() -> t.findCompilationUnit().flatMap(CompilationUnit::getPackageDeclaration)
                        .map(p -> p.getNameAsString() + ".").orElse(""));
        return outer + t.getNameAsString();
    }
}
