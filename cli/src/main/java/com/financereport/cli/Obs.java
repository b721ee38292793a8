package com.financereport.cli;

import com.financereport.cli.envcheck.EnvCheckCommand;
import com.financereport.cli.signoz.SignozCommand;
import com.financereport.cli.vault.EnvGetCommand;
import com.financereport.cli.vault.EnvSetCommand;
import com.financereport.cli.verify.VerifyCommand;
import java.lang.ref.Reference;
import java.lang.reflect.Constructor;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The obs command: the entry point of the jar and the root of every sub-command. */
@Command(
    name = "obs",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description = "Operational checks and key management for finance-report observability.",
    footer = ExitCode.FOOTER,
    subcommands = {VerifyCommand.class, Obs.Env.class, SignozCommand.class})
public final class Obs implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  public Obs(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    // The OTel SDK reports export failures through java.util.logging, as multi-line stack traces
    // on stderr; verify already reports them as one check line, so the SDK stays quiet here.
    Logger sdkLogger = Logger.getLogger("io.opentelemetry");
    sdkLogger.setLevel(Level.OFF);
    int code = run(CliContext.fromSystem(), args);
    Reference.reachabilityFence(sdkLogger);
    System.exit(code);
  }

  /** Runs one invocation and returns its exit code; tests call this with their own context. */
  public static int run(CliContext context, String... args) {
    CommandLine commandLine = new CommandLine(new Obs(context), new ContextFactory(context));
    // Last one wins, so a CI script can override an option set earlier in the same command line.
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            context.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    // A usage error is one line naming the problem and where help is, never the whole usage text.
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          context
              .err()
              .println(
                  "obs: "
                      + exception.getMessage()
                      + " (see "
                      + exception.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help)");
          context.err().flush();
          return ExitCode.USAGE_OR_CONFIGURATION;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          context.err().println("obs: " + describe(exception));
          context.err().flush();
          return exception instanceof ConfigurationException
              ? ExitCode.USAGE_OR_CONFIGURATION
              : ExitCode.CHECK_FAILED;
        });
    int code = commandLine.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static String describe(Exception exception) {
    if (exception instanceof ConfigurationException || exception instanceof OperationFailedException) {
      return exception.getMessage();
    }
    return "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage();
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  /** The {@code obs env} group. */
  @Command(
      name = "env",
      mixinStandardHelpOptions = true,
      description = "Check and edit the service's environment: drift check, Vault get/set.",
      footer = ExitCode.FOOTER,
      subcommands = {EnvCheckCommand.class, EnvSetCommand.class, EnvGetCommand.class})
  static final class Env implements Runnable {
    private final CliContext context;

    @Spec CommandSpec spec;

    Env(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      spec.commandLine().usage(context.out());
    }
  }

  /** Hands every command the context it was started with, so none reads global state. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(context);
      } catch (NoSuchMethodException noContext) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
