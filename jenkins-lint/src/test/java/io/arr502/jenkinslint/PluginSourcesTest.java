package io.arr502.jenkinslint;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin's forms, messages and stored classes, read from its sources; each check is also shown to catch its defect. */
class PluginSourcesTest {
    static final List<CompilationUnit> UNITS = JavaSources.plugin();

    @Test
    void everyFormFieldBindsToItsClassAndHasHelp() throws Exception {
        List<Path> forms = PluginTree.files(PluginTree.RESOURCES, "config.jelly");
        assertThat(forms).hasSize(5);
        List<String> problems = new ArrayList<>();
        for (Path form : forms) {
            String folder = PluginTree.RESOURCES.relativize(form.getParent()).toString();
            Optional<TypeDeclaration<?>> owner = FormFieldLint.owner(UNITS, folder);
            assertThat(owner).as("class of " + folder).isPresent();
            Set<String> beside;
            try (Stream<Path> s = Files.list(form.getParent())) {
                beside = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            }
            problems.addAll(FormFieldLint.check(folder, Files.readString(form), owner.get(), beside));
        }
        assertThat(problems).isEmpty();
    }

    /** The Pipeline step shows the build step's form (st:include), so it must bind every one of its fields. */
    @Test
    void thePipelineStepBindsEveryFieldOfTheBuildStepsForm() throws Exception {
        Path form = PluginTree.RESOURCES.resolve("io/jenkins/plugins/arr502/Arr502Check/config.jelly");
        assertThat(Files.readString(form.resolveSibling("../Arr502CheckStep/config.jelly").normalize()))
                .contains("<st:include page=\"config.jelly\" from=\"${descriptor.buildStepTemplate}\"/>");
        Set<String> help;
        try (Stream<Path> s = Files.list(form.getParent())) {
            help = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        TypeDeclaration<?> step = FormFieldLint.owner(UNITS, "io/jenkins/plugins/arr502/Arr502CheckStep").orElseThrow();
        assertThat(FormFieldLint.fields(Files.readString(form))).hasSizeGreaterThanOrEqualTo(13);
        assertThat(FormFieldLint.check("Arr502CheckStep", Files.readString(form), step, help)).isEmpty();
    }

    @Test
    void aFieldWithoutSetterGetterHelpOrFillIsFound() throws Exception {
        TypeDeclaration<?> type = JavaSources.parse("""
                class Step {
                    @DataBoundConstructor public Step(String logs) { }
                    public String getLogs() { return ""; }
                    public String getWindow() { return ""; }
                    public void setWindow(String w) { }
                    @DataBoundSetter public void setMode(String m) { }
                    public String getMode() { return ""; }
                }
                """).getType(0);
        String form = """
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="logs"><f:textarea/></f:entry>
                  <f:entry field="window"><f:textbox/></f:entry>
                  <f:entry field="mode"><f:select/></f:entry>
                  <f:entry field="gate"><f:textbox/></f:entry>
                </j:jelly>
                """;
        assertThat(FormFieldLint.check("v", form, type, Set.of("help-logs.html", "help-window.html", "help-mode.html")))
                .containsExactly("v: field 'window' is neither a @DataBoundConstructor parameter nor a @DataBoundSetter setWindow on Step: "
                                + "its value is dropped on save",
                        "v: select 'mode' has no doFillModeItems on Step or its descriptor",
                        "v: field 'gate' has no public getGate()/isGate() on Step: the form shows it empty",
                        "v: field 'gate' is neither a @DataBoundConstructor parameter nor a @DataBoundSetter setGate on Step: "
                                + "its value is dropped on save",
                        "v: field 'gate' has no help-gate.html");
    }

    static Map<String, Properties> bundles() throws Exception {
        Map<String, Properties> out = new TreeMap<>();
        for (Path p : PluginTree.files(PluginTree.RESOURCES, "Messages.properties")) {
            Properties props = new Properties();
            props.load(new StringReader(Files.readString(p)));
            out.put(PluginTree.RESOURCES.relativize(p.getParent()).toString().replace('/', '.'), props);
        }
        return out;
    }

    @Test
    void everyMessageExistsWithItsArgumentsAndIsUsed() throws Exception {
        assertThat(bundles()).containsKey("io.jenkins.plugins.arr502");
        assertThat(MessagesLint.check(UNITS, bundles())).isEmpty();
    }

    @Test
    void aMissingUnusedOrMiscalledMessageIsFound() {
        CompilationUnit u = JavaSources.parse("""
                package p;
                class A {
                    String a() { return Messages.A_Missing(); }
                    String b() { return Messages.A_Two("x"); }
                }
                """);
        Properties props = new Properties();
        props.setProperty("A.Two", "{0} and {1}");
        props.setProperty("A.Unused", "x");
        assertThat(MessagesLint.check(List.of(u), Map.of("p", props))).containsExactly(
                "p: Messages.A_Missing() has no key 'A.Missing' in Messages.properties",
                "p: Messages.A_Two takes 2 argument(s), called with 1",
                "p: Messages.properties key 'A.Unused' is never used");
    }

    @Test
    void everyStoredClassRoundTripsThroughXStreamBySource() {
        assertThat(PersistenceLint.check(UNITS, Set.of("io.jenkins.plugins.arr502.data"))).isEmpty();
    }

    /** The shapes that broke after a restart, or would: a record, a default without readResolve, an immutable JDK list. */
    @Test
    void storedRecordsMissingDefaultsAndImmutableListsAreFound() {
        CompilationUnit u = JavaSources.parse("""
                package p;
                public record RemoteVerdict(String state, java.util.List<String> messages) implements java.io.Serializable { }
                """);
        CompilationUnit action = JavaSources.parse("""
                package p;
                public class Arr502Action implements RunAction2 {
                    private final RemoteVerdict verdict;
                    private transient Run<?, ?> run;
                    private Job<?, ?> job;
                    Arr502Action(RemoteVerdict v) { this.verdict = v; }
                }
                """);
        CompilationUnit step = JavaSources.parse("""
                package p;
                public class Check extends Builder {
                    private String window = "15m";
                    private java.util.List<String> urls;
                    public void setUrls(java.util.List<String> u) { this.urls = java.util.List.copyOf(u); }
                }
                """);
        assertThat(PersistenceLint.check(List.of(u, action, step), Set.of())).containsExactlyInAnyOrder(
                "Arr502Action.verdict is stored but its type is the record RemoteVerdict: XStream cannot restore records",
                "Arr502Action.job is stored but its type is Job, not a value, a collection or a stored class of the plugin",
                "RemoteVerdict is stored but is a record: XStream cannot restore records (after a restart it is null)",
                "Check.window has a default (\"15m\") but Check has no readResolve: XStream skips initialisers, so older data leaves it null",
                "Check.urls is assigned java.util.List.copyOf(u): XStream cannot write the JDK's immutable collections");
    }

    @Test
    void whatCallablesCarryToTheAgentIsSerializable() {
        assertThat(RemotingLint.check(UNITS)).isEmpty();
        CompilationUnit u = JavaSources.parse("""
                package p;
                import io.arr502.core.gate.GateResult;
                import io.arr502.core.gate.GateOptions;
                final class C extends MasterToSlaveFileCallable<GateResult> {
                    private final GateResult gate;
                    private final GateOptions options;
                    private final String window;
                    private transient Object cache;
                }
                """);
        assertThat(RemotingLint.check(List.of(u))).containsExactly(
                "C answers GateResult but io.arr502.core.gate.GateResult is not Serializable",
                "C.gate goes to the agent but io.arr502.core.gate.GateResult is not Serializable");
    }
}
