package so.lava.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import so.lava.auth.LavaAuthApplication;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.SpecSchemas;
import so.lava.auth.support.WebSession;

/**
 * The database goes away under a running server and comes back: the API answers {@code 503} in the
 * Error schema with {@code Retry-After}, pages say so kindly, readiness turns DOWN, and everything
 * recovers by itself, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

  private final Path data =
      Path.of("target", "test-data", "outage-" + UUID.randomUUID()).toAbsolutePath();
  private int port;
  private EmbeddedPostgres postgres;
  private ConfigurableApplicationContext server;
  private HttpApi api;
  private String baseUrl;

  @BeforeAll
  void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    postgres = startPostgres();
    server =
        new SpringApplicationBuilder(LavaAuthApplication.class)
            .run(
                "--server.port=0",
                "--lava.database.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--lava.database.user=postgres",
                "--lava.limits.enabled=false");
    baseUrl = "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    api = new HttpApi(baseUrl);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    postgres.close();
  }

  @Test
  void databaseDownThen503AndReadinessDownThenRecoveryWithoutRestart() throws Exception {
    assertThat(exchange().status()).isEqualTo(400);
    assertThat(readiness().status()).isEqualTo(200);
    WebSession signedIn = new WebSession(baseUrl);
    signedIn.signUp("outage-" + UUID.randomUUID() + "@example.com", "a long enough password");

    postgres.close();

    Response dashboard = signedIn.get("/dashboard");
    assertThat(dashboard.status()).as("a signed-in page").isEqualTo(503);
    assertThat(dashboard.body()).contains("Briefly unavailable");

    Response api503 = exchange();
    assertThat(api503.status()).isEqualTo(503);
    SpecSchemas.assertMatches("Error", api503.json());
    assertThat(api503.errorCode()).isEqualTo("service_unavailable");
    assertThat(api503.header("Retry-After")).contains("5");
    assertThat(readiness().status()).isEqualTo(503);
    assertThat(liveness().status()).as("the process itself is fine").isEqualTo(200);
    WebSession browser = new WebSession(baseUrl);
    assertThat(browser.get("/signup").status()).as("a page that needs no database").isEqualTo(200);
    Response page =
        browser.post(
            "/signup",
            java.util.Map.of("email", "x@example.com", "password", "a long enough password"));
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body()).contains("Briefly unavailable").doesNotContain("Exception");

    postgres = startPostgres();
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
      long t = System.nanoTime();
      int status = exchange().status();
      System.out.println(
          "attempt " + status + " took " + (System.nanoTime() - t) / 1_000_000 + " ms");
      if (status == 400) {
        break;
      }
      Thread.sleep(100);
    }
    long recoveredMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    System.out.println("recovered " + recoveredMillis + " ms after the database came back");
    assertThat(recoveredMillis).isLessThan(5_000);
    assertThat(readiness().status()).isEqualTo(200);
  }

  private EmbeddedPostgres startPostgres() throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private Response exchange() {
    return api.postJson("/v1/auth/callback", "{\"code\": \"nope\"}");
  }

  private Response readiness() {
    return api.send(
        "GET",
        "/actuator/health/readiness",
        Optional.empty(),
        java.net.http.HttpRequest.BodyPublishers.noBody());
  }

  private Response liveness() {
    return api.send(
        "GET",
        "/actuator/health/liveness",
        Optional.empty(),
        java.net.http.HttpRequest.BodyPublishers.noBody());
  }
}
