package so.lava.auth.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server on a random port with its own embedded PostgreSQL, shared by every test class that
 * extends this one. Tests make their own accounts and codes, so they pass in any order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
public abstract class ServerTest {

  private static final Path DATA_DIR =
      Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void embeddedDatabase(DynamicPropertyRegistry registry) {
    registry.add("lava.data-dir", DATA_DIR::toString);
    // Always the embedded database, even where the shell names another.
    registry.add("lava.database.url", () -> "");
    // Rate limits have their own test, on an instance of their own (RateLimitsTest).
    registry.add("lava.limits.enabled", () -> "false");
  }

  @LocalServerPort protected int port;

  @Autowired protected Fixtures fixtures;

  protected HttpApi api() {
    return new HttpApi("http://localhost:" + port);
  }
}
