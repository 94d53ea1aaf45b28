package so.lava.auth.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.WebSession;

/** Keys on the dashboard: shown once, named, revoked only by their own merchant. */
class DashboardTest extends ServerTest {

  private static final String PASSWORD = "a long enough password";

  @Test
  void createKeyThenFullKeyShownOnceAndListedByHintOnly() {
    WebSession browser = signedIn();
    browser.get("/dashboard");

    Response created = browser.post("/dashboard/keys", Map.of("name", "ci-runner"));

    String key =
        created.body().replaceAll("(?s).*id=\"secret-key\"[^>]*>(lava_sk_[0-9A-Za-z]+)<.*", "$1");
    assertThat(key).startsWith("lava_sk_").hasSize(57);
    assertThat(created.header("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    Response dashboard = browser.get("/dashboard");
    assertThat(dashboard.body())
        .contains("ci-runner")
        .contains("lava_sk_..." + key.substring(key.length() - 4))
        .doesNotContain(key);
  }

  @Test
  void createKeyWhenNameEmptyOrTooLongThenExplained() {
    WebSession browser = signedIn();
    browser.get("/dashboard");

    Response empty = browser.post("/dashboard/keys", Map.of("name", "  "));
    Response tooLong = browser.post("/dashboard/keys", Map.of("name", "n".repeat(101)));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("Give the key a name");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Use at most 100 characters.");
  }

  @Test
  void revokeWhenAnotherMerchantsKeyThenNotFoundAndKeyStillWorks() {
    WebSession owner = signedIn();
    owner.get("/dashboard");
    owner.post("/dashboard/keys", Map.of("name", "owned"));
    UUID keyId =
        fixtures
            .jdbc()
            .sql("SELECT id FROM secret_keys WHERE name = 'owned' ORDER BY created_at DESC LIMIT 1")
            .query(UUID.class)
            .single();
    WebSession stranger = signedIn();
    stranger.get("/dashboard");

    Response confirm = stranger.get("/dashboard/keys/" + keyId + "/revoke");
    Response revoke = stranger.post("/dashboard/keys/" + keyId + "/revoke", Map.of());

    assertThat(confirm.status()).isEqualTo(404);
    assertThat(revoke.status()).isEqualTo(404);
    assertThat(
            fixtures
                .jdbc()
                .sql("SELECT revoked_at IS NULL FROM secret_keys WHERE id = :id")
                .param("id", keyId)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void dashboardWhenSignedOutThenSentToSignIn() {
    Response response = new WebSession("http://localhost:" + port).get("/dashboard");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
  }

  private WebSession signedIn() {
    WebSession browser = new WebSession("http://localhost:" + port);
    browser.signUp("dash-" + UUID.randomUUID() + "@example.com", PASSWORD);
    return browser;
  }
}
