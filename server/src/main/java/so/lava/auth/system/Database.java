package so.lava.auth.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PostgreSQL this server uses: an external one named by {@code LAVA_DATABASE_URL}, or else an
 * embedded real PostgreSQL whose files live in {@code LAVA_DATA_DIR/postgres} and survive restarts.
 *
 * @param jdbcUrl where to connect
 * @param user the user to connect as
 * @param password the password, never logged
 * @param description what the start-up line says about it (no password)
 * @param embedded the embedded server, when this process runs one
 */
public record Database(
    String jdbcUrl,
    String user,
    String password,
    String description,
    Optional<EmbeddedPostgres> embedded)
    implements AutoCloseable {

  static Database from(LavaProperties properties) {
    LavaProperties.Database external = properties.database();
    if (external.isExternal()) {
      String user = Optional.ofNullable(external.user()).orElse("");
      return new Database(
          external.jdbcUrl(),
          user,
          external.password(),
          "PostgreSQL at "
              + withoutQuery(external.jdbcUrl())
              + (user.isEmpty() ? "" : " as " + user),
          Optional.empty());
    }
    return startEmbedded(properties.dataDir().resolve("postgres").toAbsolutePath().normalize());
  }

  private static Database startEmbedded(Path directory) {
    try {
      Files.createDirectories(directory.getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300")
              // The library's default turns this off; a key we answered with must survive a crash.
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("unix_socket_directories", "")
              .start();
      return new Database(
          postgres.getJdbcUrl("postgres", "postgres"),
          "postgres",
          "",
          "embedded PostgreSQL on port " + postgres.getPort() + ", data in " + directory,
          Optional.of(postgres));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public void close() throws IOException {
    if (embedded.isPresent()) {
      embedded.get().close();
    }
  }
}
