package so.lava.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved logins: {@code credentials.json} in the configuration directory, one entry per profile,
 * readable only by its owner (mode 0600 in a 0700 directory), replaced atomically so that a crash
 * never leaves half a file.
 *
 * <p>No OS keyring is used: the JVM has none built in, and no well-kept Java library reaches the
 * macOS Keychain, the Windows Credential Manager and the Secret Service alike.
 */
final class CredentialStore {

  static final String FILE = "credentials.json";
  static final String DEFAULT_PROFILE = "default";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path directory;

  CredentialStore(Path directory) {
    this.directory = directory;
  }

  Path file() {
    return directory.resolve(FILE);
  }

  /** The saved login of a profile. */
  record Profile(
      String baseUrl,
      String secretKeyId,
      String secretKey,
      String merchantId,
      String walletId,
      String accountEmail,
      String savedAt) {

    @Override
    public String toString() {
      return "Profile[baseUrl=" + baseUrl + ", secretKeyId=" + secretKeyId + "]";
    }
  }

  /** The whole file: which profile is current, and every profile's login. */
  record Contents(String current, Map<String, Profile> profiles) {}

  Contents read() {
    Path file = file();
    if (!Files.exists(file)) {
      return new Contents(DEFAULT_PROFILE, new TreeMap<>());
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      Map<String, Profile> profiles = new TreeMap<>();
      root.path("profiles")
          .properties()
          .forEach(e -> profiles.put(e.getKey(), profile(e.getValue())));
      return new Contents(root.path("current_profile").asString(DEFAULT_PROFILE), profiles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          file
              + " is damaged ("
              + e.getClass().getSimpleName()
              + "); delete it and run `lava login`");
    }
  }

  Optional<Profile> profile(String name) {
    return Optional.ofNullable(read().profiles().get(name));
  }

  void save(String name, Profile profile) {
    Contents contents = read();
    Map<String, Profile> profiles = new TreeMap<>(contents.profiles());
    profiles.put(name, profile);
    write(new Contents(contents.profiles().isEmpty() ? name : contents.current(), profiles));
  }

  /** Forgets a profile; says whether there was one. */
  boolean remove(String name) {
    Contents contents = read();
    if (!contents.profiles().containsKey(name)) {
      return false;
    }
    Map<String, Profile> profiles = new TreeMap<>(contents.profiles());
    profiles.remove(name);
    write(new Contents(contents.current(), profiles));
    return true;
  }

  void use(String name) {
    Contents contents = read();
    write(new Contents(name, contents.profiles()));
  }

  private void write(Contents contents) {
    ObjectNode root = JSON.createObjectNode();
    root.put("current_profile", contents.current());
    ObjectNode profiles = root.putObject("profiles");
    contents
        .profiles()
        .forEach(
            (name, p) -> {
              ObjectNode node = profiles.putObject(name);
              node.put("base_url", p.baseUrl());
              node.put("secret_key_id", p.secretKeyId());
              node.put("secret_key", p.secretKey());
              node.put("merchant_id", p.merchantId());
              node.put("wallet_id", p.walletId());
              node.put("account_email", p.accountEmail());
              node.put("saved_at", p.savedAt());
            });
    try {
      createPrivateDirectory();
      Path temp =
          POSIX
              ? Files.createTempFile(
                  directory,
                  ".credentials-",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(directory, ".credentials-", ".tmp");
      try {
        Files.writeString(
            temp,
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
            StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot save credentials in " + directory + ": " + e.getMessage());
    }
  }

  private void createPrivateDirectory() throws IOException {
    if (POSIX) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } else {
      Files.createDirectories(directory);
    }
  }

  private static Profile profile(JsonNode node) {
    return new Profile(
        node.path("base_url").asString(""),
        node.path("secret_key_id").asString(""),
        node.path("secret_key").asString(""),
        node.path("merchant_id").asString(""),
        node.path("wallet_id").asString(""),
        node.path("account_email").asString(""),
        node.path("saved_at").asString(""));
  }
}
