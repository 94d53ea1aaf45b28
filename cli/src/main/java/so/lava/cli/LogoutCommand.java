package so.lava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import so.lava.client.LavaApiException;
import so.lava.client.LavaUnreachableException;

/**
 * {@code lava logout}: revokes the saved key on the server, then forgets it here, and says plainly
 * which of the two happened.
 */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Revoke the saved key on the server and delete it from this computer.")
final class LogoutCommand implements Callable<Integer> {

  @ParentCommand Lava lava;
  @Mixin ProfileOptions options;

  @Override
  public Integer call() {
    Context context = lava.context();
    CredentialStore store = new CredentialStore(context.configDirectory());
    String profile = Session.profileName(context, store, options.profile());
    CredentialStore.Profile saved =
        store
            .profile(profile)
            .orElseThrow(() -> Session.notLoggedIn(profile, "nothing to log out of"));
    var client =
        so.lava.client.LavaClient.create(
                Session.baseUrl(context, options.baseUrl(), java.util.Optional.of(saved)))
            .withSecretKey(saved.secretKey());
    String hint = so.lava.client.Credentials.hint(saved.secretKey());
    try {
      client.revokeKey(saved.secretKeyId());
      store.remove(profile);
      context
          .err()
          .println("Revoked key " + hint + " on the server and deleted it from this computer.");
      return ExitCodes.OK;
    } catch (LavaApiException e) {
      if (e.status() == 401 || e.status() == 404) {
        store.remove(profile);
        context
            .err()
            .println(
                "The server had already revoked key " + hint + "; deleted it from this computer.");
        return ExitCodes.OK;
      }
      throw e;
    } catch (LavaUnreachableException e) {
      store.remove(profile);
      context
          .err()
          .println(
              "Deleted key "
                  + hint
                  + " from this computer, but could not reach "
                  + e.url()
                  + " to revoke it.");
      context
          .err()
          .println(
              "The key still works until it is revoked: revoke it on the dashboard ("
                  + e.url()
                  + "/dashboard).");
      return ExitCodes.FAILURE;
    }
  }
}
