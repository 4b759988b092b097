package dev.headroom.cli;

import dev.headroom.core.Headroom;
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
        throw new ParameterException(spec.commandLine(),
                "missing command: use 'headroom check', 'headroom rules' or 'headroom dashboard'");
    }

    /** {@code headroom 0.1.0}, from the core's version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"headroom " + Headroom.VERSION};
        }
    }
}
