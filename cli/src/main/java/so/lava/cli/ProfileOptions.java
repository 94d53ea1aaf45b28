package so.lava.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --profile} and {@code --base-url}, for every command that talks to a server. */
final class ProfileOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Use this saved login (default: the current profile).")
  String profile;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The Lava server (default: LAVA_BASE_URL, the profile's, or http://localhost:8080).")
  String baseUrl;

  Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /** The login these options mean, for a command that needs a key. */
  Session session(Context context) {
    return Session.require(context, profile(), baseUrl());
  }
}
