package io.arr502.check;

import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Modes whose core engine is not part of this build yet: they answer UNKNOWN, never a false OK. */
abstract class PendingCommand extends ModeCommand {
    @Parameters(paramLabel = "ARG", arity = "0..*", hidden = true)
    List<String> args = new ArrayList<>();

    abstract String what();

    @Override
    Verdict verdict() {
        return Verdict.unknown(what() + " is not available in this build");
    }

    @Command(name = "collect", description = "Run the PowerShell collectors on this IIS host into an evidence folder.",
            mixinStandardHelpOptions = true, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
    static final class Collect extends PendingCommand {
        String what() {
            return "collect";
        }
    }
}
