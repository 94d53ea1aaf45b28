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

  public static AnotherInstance sharing(Database database) {
    return new AnotherInstance(
        new SpringApplicationBuilder(LavaAuthApplication.class)
            .run(
                "--server.port=0",
                "--lava.database.url=" + database.jdbcUrl(),
                "--lava.database.user=" + database.user(),
                "--lava.database.password=" + database.password()));
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
