package so.lava.cli;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import so.lava.auth.LavaAuthApplication;
import so.lava.auth.support.HttpApi;

/** One real Lava Auth server for all CLI tests: its own embedded PostgreSQL, a random port. */
final class TestServer {

  private static ConfigurableApplicationContext server;

  private TestServer() {}

  static synchronized String baseUrl() {
    if (server == null) {
      Path data = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
      server =
          new SpringApplicationBuilder(LavaAuthApplication.class)
              .run(
                  "--server.port=0",
                  "--lava.data-dir=" + data,
                  "--lava.database.url=",
                  "--lava.limits.enabled=false");
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
  }

  static HttpApi api() {
    return new HttpApi(baseUrl());
  }
}
