package so.lava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lava profiles list | use NAME}: several saved logins, one current. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = "List saved logins, or choose the current one.",
    subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Use.class})
final class ProfilesCommand implements Callable<Integer> {

  @ParentCommand Lava lava;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(lava.context().err());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "List saved logins; * marks the current one.")
  static final class ListProfiles implements Callable<Integer> {

    @ParentCommand ProfilesCommand profiles;

    @Override
    public Integer call() {
      Context context = profiles.lava.context();
      CredentialStore.Contents contents = new CredentialStore(context.configDirectory()).read();
      if (contents.profiles().isEmpty()) {
        context.err().println("No saved logins; run `lava login`.");
        return ExitCodes.OK;
      }
      Table table = new Table("", "PROFILE", "ACCOUNT", "SERVER", "KEY");
      contents
          .profiles()
          .forEach(
              (name, p) ->
                  table.row(
                      name.equals(contents.current()) ? "*" : "",
                      name,
                      p.accountEmail(),
                      p.baseUrl(),
                      so.lava.client.Credentials.hint(p.secretKey())));
      table.print(context.out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "use",
      mixinStandardHelpOptions = true,
      description = "Make a saved login the current one.")
  static final class Use implements Callable<Integer> {

    @ParentCommand ProfilesCommand profiles;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      Context context = profiles.lava.context();
      CredentialStore store = new CredentialStore(context.configDirectory());
      if (store.profile(name).isEmpty()) {
        throw new CliException(
            ExitCodes.FAILURE,
            "no saved login named " + name + "; run `lava login --profile " + name + "`");
      }
      store.use(name);
      context.err().println("Now using profile " + name + ".");
      return ExitCodes.OK;
    }
  }
}
