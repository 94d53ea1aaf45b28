package so.lava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import so.lava.client.CreatedSecretKey;
import so.lava.client.SecretKey;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code lava keys list | create NAME | revoke ID}: the merchant's secret keys. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "List, create and revoke your merchant's secret keys.",
    subcommands = {KeysCommand.List.class, KeysCommand.Create.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {

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
      description = "List the keys that still work, newest first.")
  static final class List implements Callable<Integer> {

    @ParentCommand KeysCommand keys;
    @Mixin ProfileOptions options;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      Context context = keys.lava.context();
      Session session = options.session(context);
      java.util.List<SecretKey> all = session.client().listAllKeys();
      if (json) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        all.forEach(key -> out.add(toJson(key)));
        Json.print(context.out(), out);
        return ExitCodes.OK;
      }
      if (all.isEmpty()) {
        context.err().println("No keys. Create one with `lava keys create NAME`.");
        return ExitCodes.OK;
      }
      String current = session.saved().map(CredentialStore.Profile::secretKeyId).orElse("");
      Table table = new Table("ID", "NAME", "KEY", "CREATED");
      for (SecretKey key : all) {
        String marker =
            !session.fromEnvironment() && key.secretKeyId().equals(current)
                ? " (this computer)"
                : "";
        table.row(key.secretKeyId(), key.name() + marker, key.hint(), key.createdAt());
      }
      table.print(context.out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key and print it: the only time it is shown.")
  static final class Create implements Callable<Integer> {

    @ParentCommand KeysCommand keys;
    @Mixin ProfileOptions options;

    @Parameters(
        paramLabel = "NAME",
        description = "What the key is for, such as billing-worker (1 to 100 characters).")
    String name;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      Context context = keys.lava.context();
      Session session = options.session(context);
      CreatedSecretKey created = session.client().createKey(name);
      if (json) {
        ObjectNode out = toJson(created.key());
        out.put("secret_key", created.secretKey());
        Json.print(context.out(), out);
      } else {
        context.out().println(created.secretKey());
      }
      context
          .err()
          .println(
              "Created key "
                  + created.key().name()
                  + " (id "
                  + created.key().secretKeyId()
                  + "). Copy it now: it is not shown again.");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a key: programs using it stop working at once.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand KeysCommand keys;
    @Mixin ProfileOptions options;

    @Parameters(paramLabel = "ID", description = "The key's id, as `lava keys list` shows it.")
    String id;

    @Override
    public Integer call() {
      Context context = keys.lava.context();
      Session session = options.session(context);
      try {
        session.client().revokeKey(id);
      } catch (so.lava.client.LavaApiException e) {
        if (e.status() == 404) {
          throw new CliException(
              ExitCodes.FAILURE, "no key " + id + " for this merchant; see `lava keys list`");
        }
        throw e;
      }
      context.err().println("Revoked key " + id + ".");
      if (session.saved().map(CredentialStore.Profile::secretKeyId).filter(id::equals).isPresent()
          && !session.fromEnvironment()) {
        context.err().println("That was this computer's key: run `lava login` to get a new one.");
      }
      return ExitCodes.OK;
    }
  }

  private static ObjectNode toJson(SecretKey key) {
    ObjectNode node = Json.object();
    node.put("secret_key_id", key.secretKeyId());
    node.put("name", key.name());
    node.put("secret_key_hint", key.hint());
    node.put("created_at", key.createdAt());
    return node;
  }
}
