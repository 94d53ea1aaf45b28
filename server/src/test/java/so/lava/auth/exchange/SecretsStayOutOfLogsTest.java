package so.lava.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;

/**
 * Codes and keys never reach the logs, even with the framework's request logging turned up to
 * DEBUG: the exchange, a reuse, a refusal and a malformed body are all run while output is
 * captured, then searched for every secret that crossed the wire.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends ServerTest {

  private static final String[] LOGGERS = {
    "org.springframework.web", "so.lava", "org.springframework.jdbc"
  };

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @BeforeEach
  void verbose() {
    for (String logger : LOGGERS) {
      logging.setLogLevel(logger, LogLevel.DEBUG);
    }
  }

  @AfterEach
  void quiet() {
    for (String logger : LOGGERS) {
      logging.setLogLevel(logger, null);
    }
  }

  @Test
  void exchangeAndReuseAndRefusalsThenNoCodeOrKeyInOutput(CapturedOutput output) {
    IssuedCode code = fixtures.code(fixtures.account());
    IssuedCode expired = fixtures.code(fixtures.account());
    fixtures.age(expired, java.time.Duration.ofSeconds(90));

    Response exchanged = api().exchange(code.code());
    api().exchange(code.code());
    api().exchange(expired.code());
    api().postJson("/v1/auth/callback", "{\"code\": \"" + code.code() + "\", \"code\": \"x\"}");
    api().postJson("/v1/auth/callback", "{\"code\": \"" + expired.code() + "\"");

    String secretKey = exchanged.json().path("secret_key").asString();
    assertThat(secretKey).startsWith("lava_sk_");
    assertThat(output.getAll())
        .as("the run was logged at DEBUG")
        .contains("/v1/auth/callback")
        .doesNotContain(code.code())
        .doesNotContain(expired.code())
        .doesNotContain(secretKey)
        .doesNotContain(secretKey.substring(8, 30));
  }

  @Test
  void wholeBrowserAndApiFlowThenNoPasswordCodeOrKeyInOutput(CapturedOutput output) {
    String password = "secret-password-" + java.util.UUID.randomUUID();
    so.lava.auth.support.WebSession browser =
        new so.lava.auth.support.WebSession("http://localhost:" + port);
    String email = browser.signUp("logs-" + java.util.UUID.randomUUID() + "@example.com", password);
    browser.post("/signout", java.util.Map.of());
    browser.signIn(email, password + "-wrong");
    browser.signIn(email, password);
    browser.get("/auth/connect?state=s&port=49152");
    Response approved =
        browser.post(
            "/auth/connect",
            java.util.Map.of("state", "s", "port", "49152", "decision", "approve"));
    String location = approved.header("Location").orElseThrow();
    String code = location.replaceAll(".*code=([0-9A-Za-z]+).*", "$1");
    String key = api().exchange(code).json().path("secret_key").asString();
    String created =
        api()
            .withKey(key, "POST", "/v1/secret_keys", "{\"name\": \"logged\"}")
            .json()
            .path("secret_key")
            .asString();
    api().withKey(created, "GET", "/v1/auth/whoami", null);
    api().withKey(key, "GET", "/v1/secret_keys?limit=5", null);

    assertThat(output.getAll())
        .as("the access log saw the run")
        .contains("\"POST /v1/auth/callback\" 200")
        .contains("\"POST /signin\" 302")
        .doesNotContain(password)
        .doesNotContain(code)
        .doesNotContain(key)
        .doesNotContain(created)
        .doesNotContain(key.substring(8, 30))
        .doesNotContain(created.substring(8, 30));
  }
}
