package so.lava.auth.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lava.*}, which Spring Boot also reads from environment variables: {@code
 * LAVA_DATA_DIR}, {@code LAVA_DATABASE_URL}, {@code LAVA_DATABASE_USER}, {@code
 * LAVA_DATABASE_PASSWORD}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files when no database URL is given
 * @param database an external PostgreSQL; when its URL is blank the embedded one is used
 */
@ConfigurationProperties("lava")
public record LavaProperties(
    @DefaultValue("./data") Path dataDir, @DefaultValue Database database) {

  /**
   * An external PostgreSQL.
   *
   * @param url a JDBC URL ({@code jdbc:postgresql://host:5432/lava}); {@code postgresql://...}
   *     without the {@code jdbc:} prefix is accepted too
   * @param user the database user
   * @param password the database password, never logged
   * @param maxConnections the size of the connection pool
   */
  public record Database(
      String url, String user, String password, @DefaultValue("20") int maxConnections) {

    public boolean isExternal() {
      return url != null && !url.isBlank();
    }

    public String jdbcUrl() {
      return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }
  }
}
