package so.lava.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void externalWhenUrlHasPasswordThenDescriptionNeverShowsIt() {
    LavaProperties properties =
        new LavaProperties(
            Path.of("unused"),
            new LavaProperties.Database(
                "jdbc:postgresql://db.internal:5432/lava?password=hunter2&ssl=true",
                "lava",
                "s3cret",
                20));

    Database database = Database.from(properties);

    assertThat(database.description())
        .isEqualTo("PostgreSQL at jdbc:postgresql://db.internal:5432/lava as lava")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret");
    assertThat(database.embedded()).isEmpty();
  }

  @Test
  void externalWhenUrlWithoutJdbcPrefixThenPrefixAdded() {
    LavaProperties properties =
        new LavaProperties(
            Path.of("unused"),
            new LavaProperties.Database("postgresql://localhost/lava", null, null, 20));

    assertThat(Database.from(properties).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/lava");
  }
}
