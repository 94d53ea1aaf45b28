package so.lava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import so.lava.client.LavaApiException;
import so.lava.client.LavaUnreachableException;
import so.lava.client.LoginException;

/** The root command: global options, the list of subcommands, and the one error handler. */
@Command(
    name = "lava",
    mixinStandardHelpOptions = true,
    versionProvider = Lava.Version.class,
    description = "Log in to Lava from the command line and manage your secret keys.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      KeysCommand.class,
      ProfilesCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Environment:",
      "  LAVA_SECRET_KEY, LAVA_BASE_URL  override the saved login (for CI)",
      "  LAVA_PROFILE                    picks a saved login",
      "  XDG_CONFIG_HOME                 credentials live in $XDG_CONFIG_HOME/lava/",
      "                                  (default ~/.config/lava/)",
      "",
      "Exit status: 0 done, 1 failed, 2 usage error, 4 not logged in."
    })
public final class Lava implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      description = "Show stack traces of errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  private final Context context;

  Lava(Context context) {
    this.context = context;
  }

  Context context() {
    return context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return ExitCodes.USAGE;
  }

  /** Runs {@code lava} with these arguments and returns its exit status. */
  public static int run(Context context, String... args) {
    Lava root = new Lava(context);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(new java.io.PrintWriter(context.out(), true));
    commandLine.setErr(new java.io.PrintWriter(context.err(), true));
    commandLine.setParameterExceptionHandler(
        (exception, args1) -> {
          context.err().println("lava: " + lowercaseFirst(exception.getMessage()));
          CommandLine.UnmatchedArgumentException.printSuggestions(exception, context.err());
          context
              .err()
              .println(
                  "Run `"
                      + exception.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help` for usage.");
          return ExitCodes.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, cl, parseResult) ->
            report(context, root.debug || context.env("LAVA_DEBUG").isPresent(), exception));
    return commandLine.execute(args);
  }

  private static int report(Context context, boolean debug, Exception exception) {
    if (debug) {
      exception.printStackTrace(context.err());
    }
    int code;
    String message;
    if (exception instanceof CliException e) {
      code = e.exitCode();
      message = e.getMessage();
    } else if (exception instanceof LavaUnreachableException e) {
      code = ExitCodes.FAILURE;
      message =
          "cannot reach the server at "
              + e.url()
              + "; is it running? (start one with bin/lava-server)";
    } else if (exception instanceof LavaApiException e && e.status() == 401) {
      code = ExitCodes.NOT_LOGGED_IN;
      message = "the server no longer accepts this key (" + e.code() + "); run `lava login`";
    } else if (exception instanceof LavaApiException e) {
      code = ExitCodes.FAILURE;
      message = lowercaseFirst(e.getMessage()) + " (" + e.code() + ")";
    } else if (exception instanceof LoginException e) {
      code = ExitCodes.FAILURE;
      message =
          switch (e.reason()) {
            case DENIED -> "login denied in the browser; run `lava login` to try again";
            case TIMED_OUT -> e.getMessage() + "; run `lava login` to try again";
            case FAILED -> e.getMessage() + "; run `lava login` to try again";
          };
    } else {
      code = ExitCodes.FAILURE;
      message =
          "unexpected "
              + exception.getClass().getSimpleName()
              + (debug ? "" : "; run again with --debug for details");
    }
    context.err().println("lava: " + message);
    return code;
  }

  private static String lowercaseFirst(String text) {
    if (text == null || text.isEmpty()) {
      return "the server refused the request";
    }
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
  }

  /** The version, from the jar's manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Lava.class.getPackage().getImplementationVersion();
      return new String[] {"lava " + (version == null ? "development build" : version)};
    }
  }
}
