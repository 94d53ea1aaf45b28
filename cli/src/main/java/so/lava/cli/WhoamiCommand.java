package so.lava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import so.lava.client.Credentials;
import so.lava.client.LavaApiException;
import so.lava.client.LavaUnreachableException;
import so.lava.client.Whoami;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code lava whoami} (or {@code status}): which login this computer uses, where it is kept, and
 * whether the server still accepts it.
 */
@Command(
    name = "whoami",
    aliases = "status",
    mixinStandardHelpOptions = true,
    description = "Show the saved login and whether the server still accepts its key.")
final class WhoamiCommand implements Callable<Integer> {

  @ParentCommand Lava lava;
  @Mixin ProfileOptions options;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Context context = lava.context();
    Session session = options.session(context);
    CredentialStore store = new CredentialStore(context.configDirectory());
    if (session.fromEnvironment()) {
      context
          .err()
          .println(
              "Warning: LAVA_SECRET_KEY is set and overrides the saved key of profile "
                  + session.profile()
                  + ".");
    }
    String status;
    int exit = ExitCodes.OK;
    Whoami me = null;
    try {
      me = session.client().whoami();
      status = "accepted by the server";
    } catch (LavaApiException e) {
      if (e.status() != 401) {
        throw e;
      }
      status = "refused by the server (" + e.code() + "); run `lava login`";
      exit = ExitCodes.NOT_LOGGED_IN;
    } catch (LavaUnreachableException e) {
      status = "unknown: cannot reach " + e.url();
      exit = ExitCodes.FAILURE;
    }
    String storedIn = session.fromEnvironment() ? "LAVA_SECRET_KEY" : store.file().toString();
    String keyId =
        me != null
            ? me.secretKeyId()
            : session.saved().map(CredentialStore.Profile::secretKeyId).orElse("unknown");
    String merchant =
        me != null
            ? me.merchantId()
            : session.saved().map(CredentialStore.Profile::merchantId).orElse("unknown");
    String wallet =
        me != null
            ? me.walletId()
            : session.saved().map(CredentialStore.Profile::walletId).orElse("unknown");
    String account =
        me != null
            ? me.accountEmail()
            : session.saved().map(CredentialStore.Profile::accountEmail).orElse("unknown");
    if (json) {
      ObjectNode out = Json.object();
      out.put("profile", session.profile());
      out.put("base_url", session.baseUrl().toString());
      out.put("account_email", account);
      out.put("merchant_id", merchant);
      out.put("wallet_id", wallet);
      out.put("secret_key_id", keyId);
      out.put("secret_key_hint", Credentials.hint(session.secretKey()));
      out.put("stored_in", storedIn);
      out.put("accepted", me != null);
      Json.print(context.out(), out);
    } else {
      new Table()
          .row("Profile:", session.profile())
          .row("Server:", session.baseUrl().toString())
          .row("Account:", account)
          .row("Merchant:", merchant)
          .row("Wallet:", wallet)
          .row("Key:", Credentials.hint(session.secretKey()) + " (id " + keyId + ")")
          .row("Stored in:", storedIn)
          .row("Key status:", status)
          .print(context.out());
    }
    return exit;
  }
}
