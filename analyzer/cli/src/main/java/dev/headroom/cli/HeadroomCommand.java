package dev.headroom.cli;

import dev.headroom.core.Headroom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom}: the top-level command; the work is done by its subcommands. */
@Command(name = "headroom",
        mixinStandardHelpOptions = true,
        versionProvider = HeadroomCommand.Version.class,
        subcommands = {CheckCommand.class, RulesCommand.class, DashboardCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Static allocation, memory-budget and WCET checks for JVM bytecode: real-time paths"
                    + " that allocate or grow collections, static memory above its budget, roots"
                    + " that may miss their deadline."},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'headroom COMMAND --help' for the options of a command."})
public final class HeadroomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // The commands as declared, so that a new one is named too: 'headroom check', ... or 'headroom dashboard'.
        List<String> commands = spec.subcommands().keySet().stream().map(name -> "'headroom " + name + "'").toList();
        int last = commands.size() - 1;
        throw new ParameterException(spec.commandLine(), "missing command: use "
                + String.join(", ", commands.subList(0, last)) + " or " + commands.get(last));
    }

    /** {@code headroom 0.1.0}, from the core's version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"headroom " + Headroom.VERSION};
        }
    }
}
