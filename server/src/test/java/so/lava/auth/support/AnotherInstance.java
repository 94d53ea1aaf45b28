package so.lava.auth.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import so.lava.auth.LavaAuthApplication;
import so.lava.auth.system.Database;

/** One more server instance on its own port, sharing the test server's PostgreSQL. */
public final class AnotherInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private AnotherInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** With rate limits off, as on the test server, unless {@code arguments} say otherwise. */
  public static AnotherInstance sharing(Database database, String... arguments) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--server.port=0",
                "--lava.database.url=" + database.jdbcUrl(),
                "--lava.database.user=" + database.user(),
                "--lava.database.password=" + database.password()));
    all.addAll(java.util.List.of(arguments));
    if (all.stream().noneMatch(a -> a.startsWith("--lava.limits.enabled="))) {
      all.add("--lava.limits.enabled=false");
    }
    return new AnotherInstance(
        new SpringApplicationBuilder(LavaAuthApplication.class).run(all.toArray(String[]::new)));
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public HttpApi api() {
    return new HttpApi(baseUrl());
  }

  @Override
  public void close() {
    context.close();
  }
}
