package so.lava.cli;

import java.net.URI;
import java.util.Optional;
import so.lava.client.LavaClient;

/**
 * Which login a command uses, looked up as GitHub's CLI does: the environment first ({@code
 * LAVA_SECRET_KEY}, {@code LAVA_BASE_URL}), then the saved profile.
 *
 * @param profile the profile's name
 * @param saved the saved login of that profile, if any
 * @param secretKey the key to call with
 * @param fromEnvironment whether {@code LAVA_SECRET_KEY} supplied the key
 */
record Session(
    String profile,
    Optional<CredentialStore.Profile> saved,
    URI baseUrl,
    String secretKey,
    boolean fromEnvironment) {

  static final String DEFAULT_BASE_URL = "http://localhost:8080";

  LavaClient client() {
    return LavaClient.create(baseUrl).withSecretKey(secretKey);
  }

  /**
   * The profile a command means: {@code --profile}, then {@code LAVA_PROFILE}, then the current
   * one.
   */
  static String profileName(Context context, CredentialStore store, Optional<String> option) {
    return option.or(() -> context.env("LAVA_PROFILE")).orElseGet(() -> store.read().current());
  }

  static URI baseUrl(
      Context context, Optional<String> option, Optional<CredentialStore.Profile> saved) {
    String url =
        option
            .or(() -> context.env("LAVA_BASE_URL"))
            .or(() -> saved.map(CredentialStore.Profile::baseUrl).filter(u -> !u.isBlank()))
            .orElse(DEFAULT_BASE_URL);
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "the base URL " + url + " is not an http(s) URL");
    }
  }

  static CliException notLoggedIn(String profile, String nextStep) {
    return new CliException(
        ExitCodes.NOT_LOGGED_IN,
        "not logged in"
            + (profile.equals(CredentialStore.DEFAULT_PROFILE) ? "" : " (profile " + profile + ")")
            + "; "
            + nextStep);
  }

  /** The session of a command that needs a key; not logged in is exit status 4. */
  static Session require(
      Context context, Optional<String> profileOption, Optional<String> baseUrlOption) {
    CredentialStore store = new CredentialStore(context.configDirectory());
    String profile = profileName(context, store, profileOption);
    Optional<CredentialStore.Profile> saved = store.profile(profile);
    Optional<String> fromEnvironment = context.env("LAVA_SECRET_KEY");
    String key =
        fromEnvironment
            .or(() -> saved.map(CredentialStore.Profile::secretKey).filter(k -> !k.isBlank()))
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.NOT_LOGGED_IN,
                        "not logged in"
                            + (profile.equals(CredentialStore.DEFAULT_PROFILE)
                                ? ""
                                : " (profile " + profile + ")")
                            + "; run `lava login`"));
    return new Session(
        profile, saved, baseUrl(context, baseUrlOption, saved), key, fromEnvironment.isPresent());
  }
}
