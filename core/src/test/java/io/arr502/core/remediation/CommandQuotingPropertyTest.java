package io.arr502.core.remediation;

import io.arr502.core.config.ConfigReader;
import io.arr502.core.evidence.Evidence;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No value from the evidence breaks out of the argument it is printed in: every printed cmd and
 * PowerShell line, read back by {@link ShellParsers} as each shell and appcmd would, yields exactly the
 * argv the executor runs, or the value was refused (the plan then holds a manual note, never a command).
 * Issue 19's examples are among the tries.
 */
class CommandQuotingPropertyTest {
    static final List<String> HOSTILE = List.of("/api/a\"b\"&calc&rem/1", "app\"Farm\"&calc&rem", "app'],[name='x",
            "app02; Remove-Item -Recurse -Force C:\\inetpub #", "app01$(Start-Process calc)", "%PATH%", "app01\nrem", "a^&b", "a|b",
            "x'+'y", "a`b", "$env:windir", "a\\", "a\\\"b", "!PATH!", "a b", "-x.y", "@(1)", "{R:0}", "\u2018x\u2019", "ä", "a\tb", "");

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Arbitraries.strings().withChars("\"'&|<>^%!$`;(){}[]@#,= \t\n\\/.:-_aZ09\u2019").ofMaxLength(24),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Property(tries = 2000)
    void aQuotedArgumentArrivesUnchangedInBothShellsOrIsRefused(@ForAll("hostile") String value) {
        String cmd;
        String ps;
        try {
            cmd = Shell.CMD.appcmdLine(List.of("set", value));
            ps = Shell.POWERSHELL.appcmdLine(List.of("set", value));
        } catch (UnsafeValueException refused) {
            return;
        }
        assertThat(ShellParsers.cmd(cmd, Shell.CMD_APPCMD)).containsExactly("set", value);
        assertThat(ShellParsers.powershell(ps, Shell.PS_APPCMD)).containsExactly("set", value);
    }

    @Property(tries = 300)
    void farmNamesServerAddressesAndRoutesFromTheEvidenceNeverBreakOut(@ForAll("hostile") String farm, @ForAll("hostile") String server,
                                                                       @ForAll("hostile") String route) throws Exception {
        checkedCommands(farm, server, route);
    }

    @Example
    void aHostileRouteWithSaneNamesGoesThroughRealCommands() throws Exception {
        assertThat(checkedCommands("appFarm", "app01.contoso.local", "/api/a\"b\"&calc&rem/1")).isGreaterThan(8);
        assertThat(checkedCommands("app-Farm.1", "10.0.0.7", "/%PATH%/{id}")).isGreaterThan(8);
        assertThat(checkedCommands("app\"Farm\"&calc&rem", "app01.contoso.local", "/api/reports/{id}")).isZero();
    }

    /** The number of runnable commands read back; every one must round-trip. */
    private static int checkedCommands(String farm, String server, String route) throws Exception {
        int checked = 0;
        Path dir = Files.createTempDirectory("quoting");
        try {
            String xml = Files.readString(StandIn.FIXTURE).replace("appFarm", xmlEscape(farm)).replace("app01.contoso.local", xmlEscape(server));
            Path cfg = dir.resolve("applicationHost.config");
            Files.writeString(cfg, xml);
            io.arr502.core.config.ArrConfig config;
            try {
                config = ConfigReader.read(cfg);
            } catch (io.arr502.core.config.ConfigException e) {
                return 0; // not a configuration IIS could hold either
            }
            Evidence ev = new Evidence(null, null, config, List.of(), null, List.of());
            List<RemediationPlan> plans = new ArrayList<>();
            plans.addAll(RemediationPlanner.plan(Plans.reportsNeedMoreTime("/api/reports/{id}"), ev, Plans.CLOCK));
            plans.addAll(RemediationPlanner.plan(Plans.reportsNeedMoreTime(route), ev, Plans.CLOCK));
            for (RemediationPlan p : plans) {
                List<RemediationStep> steps = new ArrayList<>(p.fix());
                steps.addAll(p.rollback());
                for (RemediationStep s : steps) {
                    if (!s.argv().isEmpty()) {
                        assertThat(ShellParsers.cmd(s.cmd(), Shell.CMD_APPCMD)).as(s.cmd()).isEqualTo(s.argv());
                        assertThat(ShellParsers.powershell(s.powershell(), Shell.PS_APPCMD)).as(s.powershell()).isEqualTo(s.argv());
                        checked++;
                    } else if (s.manual() == null) {
                        assertThat(s.display()).doesNotContain("\n", "\r");
                    }
                }
                for (String line : p.lines()) {
                    assertThat(line).doesNotContain("\n", "\r");
                }
            }
            return checked;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Example
    void theIssuesExamplesAreRefusedWhereTheyCannotBeQuoted() {
        assertThatThrownBy(() -> Names.farm("app\"Farm\"&calc&rem")).isInstanceOf(UnsafeValueException.class);
        assertThatThrownBy(() -> Names.farm("app'],[name='x")).isInstanceOf(UnsafeValueException.class);
        assertThatThrownBy(() -> Names.host("app02; Remove-Item -Recurse -Force C:\\inetpub #")).isInstanceOf(UnsafeValueException.class);
        assertThatThrownBy(() -> Names.host("app01$(Start-Process calc)")).isInstanceOf(UnsafeValueException.class);
        assertThatThrownBy(() -> Shell.check("value", "%PATH%")).hasMessageContaining("expands %VAR%");
        // a hostile route becomes an escaped pattern: no quote, ampersand or percent sign reaches the command
        String p = RoutePattern.of("/api/a\"b\"&calc&rem/1");
        assertThat(p).isEqualTo("^api/a\\x22b\\x22\\x26calc\\x26rem/1$");
        assertThat(ShellParsers.cmd(Shell.CMD.appcmdLine(List.of("/x:" + p)), Shell.CMD_APPCMD)).containsExactly("/x:" + p);
    }

    @Example
    void theParsersCatchWhatNaiveQuotingGetsWrong() {
        assertThatThrownBy(() -> ShellParsers.cmd(Shell.CMD_APPCMD + " \"a\"&calc&rem\"\"", Shell.CMD_APPCMD)).isInstanceOf(ShellParsers.BreakOut.class);
        assertThatThrownBy(() -> ShellParsers.cmd(Shell.CMD_APPCMD + " \"%PATH%\"", Shell.CMD_APPCMD)).isInstanceOf(ShellParsers.BreakOut.class);
        assertThatThrownBy(() -> ShellParsers.powershell(Shell.PS_APPCMD + " app01$(Start-Process calc)", Shell.PS_APPCMD))
                .isInstanceOf(ShellParsers.BreakOut.class);
        assertThat(ShellParsers.cmd(Shell.CMD_APPCMD + " \"a b\\\\\" c", Shell.CMD_APPCMD)).containsExactly("a b\\", "c");
        assertThat(ShellParsers.powershell(Shell.PS_APPCMD + " 'it''s'", Shell.PS_APPCMD)).containsExactly("it's");
    }

    private static String xmlEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c < 0x20 || Character.isSurrogate(c) || c >= 0xfffe ? 'x' : c); // not allowed in XML 1.0
            }
        }
        return b.toString();
    }
}
