package so.lava.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.support.AnotherInstance;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.WebSession;
import so.lava.auth.system.Database;

/** The headers and cookies of every page, and sessions shared by instances through PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSecurityTest extends ServerTest {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self' http://127.0.0.1:*";

  @Autowired private Database database;
  private AnotherInstance secondInstance;

  @BeforeAll
  void startSecondInstance() {
    secondInstance = AnotherInstance.sharing(database);
  }

  @AfterAll
  void stopSecondInstance() {
    secondInstance.close();
  }

  @Test
  void everyPageThenStrictHeaders() {
    WebSession browser = new WebSession(base());
    List<Response> pages =
        List.of(
            browser.get("/signin"),
            browser.get("/signup"),
            browser.get("/auth/connect?state=x&port=99"),
            browser.get("/no-such-page"));
    browser.signUp(newEmail(), "a long enough password");
    List<Response> signedIn =
        List.of(
            browser.get("/dashboard"),
            browser.get("/auth/connect?state=x&port=4000"),
            browser.post("/auth/connect", Map.of("decision", "approve")));

    for (Response page : concat(pages, signedIn)) {
      assertThat(page.header("Content-Security-Policy")).contains(CSP);
      assertThat(page.header("X-Frame-Options")).contains("DENY");
      assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(page.header("Referrer-Policy")).contains("no-referrer");
      assertThat(page.header("Cache-Control"))
          .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
      assertThat(page.body())
          .doesNotContain("<script>")
          .doesNotContain("style=\"")
          .doesNotContain(" onclick=");
    }
  }

  @Test
  void cookiesThenHttpOnlyAndSessionSameSiteLax() {
    WebSession browser = new WebSession(base());
    Response page = browser.get("/signup");
    Response signedUp =
        browser.post(
            "/signup",
            Map.of("email", newEmail(), "password", "a long enough password", "business", ""));

    assertThat(page.raw().headers().allValues("Set-Cookie"))
        .as("looking at a page starts no session")
        .noneSatisfy(cookie -> assertThat(cookie).startsWith("lava_session="))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly"));
    assertThat(signedUp.raw().headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("lava_session=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .doesNotContain("Secure"));
  }

  @Test
  void benchRoutesThenAbsentOutsideTheBenchProfile() {
    WebSession browser = new WebSession(base());
    browser.signUp(newEmail(), "a long enough password");

    assertThat(browser.get("/bench/noop").status()).isEqualTo(404);
    assertThat(browser.post("/bench/codes?count=5", Map.of()).status()).isEqualTo(404);
    assertThat(api().postJson("/bench/keys?count=5", "{}").status()).isNotEqualTo(200);
  }

  @Test
  void apiThenNoSessionCookie() {
    Response response = api().exchange("nope");

    assertThat(response.header("Set-Cookie")).isEmpty();
  }

  @Test
  void sessionStartedOnOneInstanceThenContinuesOnAnother() {
    WebSession browser = new WebSession(base());
    String email = browser.signUp(newEmail(), "a long enough password");
    browser.get("/auth/connect?state=abc&port=49152");

    browser.at("http://localhost:" + secondPort());
    Response dashboard = browser.get("/dashboard");
    Response approved =
        browser.post(
            "/auth/connect", Map.of("state", "abc", "port", "49152", "decision", "approve"));

    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains(email);
    assertThat(approved.status()).isEqualTo(302);
    assertThat(approved.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("http://127.0.0.1:49152/callback?code="));
  }

  private int secondPort() {
    return secondInstance.port();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static List<Response> concat(List<Response> a, List<Response> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String newEmail() {
    return "security-" + UUID.randomUUID() + "@example.com";
  }
}
