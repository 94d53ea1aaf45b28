package so.lava.auth.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.WebSession;

/**
 * {@code /auth/connect} over plain HTTP: every parameter rule, both decisions, no open redirect.
 */
class ConnectPagesTest extends ServerTest {

  private static final String PASSWORD = "a long enough password";

  static Stream<Arguments> invalidLinks() {
    return Stream.of(
        Arguments.of("state=abc&port=80", "port must be a whole number from 1024 to 65535"),
        Arguments.of("state=abc&port=1023", "port must be a whole number from 1024 to 65535"),
        Arguments.of("state=abc&port=65536", "port must be a whole number from 1024 to 65535"),
        Arguments.of(
            "state=abc&port=99999999999", "port must be a whole number from 1024 to 65535"),
        Arguments.of("state=abc&port=%2B8080", "port must be a whole number from 1024 to 65535"),
        Arguments.of("state=abc&port=8080&port=8081", "names port more than once"),
        Arguments.of("port=8080", "has no state"),
        Arguments.of("state=&port=8080", "has no state"),
        Arguments.of("state=a&state=b&port=8080", "names state more than once"),
        Arguments.of("state=" + "s".repeat(513) + "&port=8080", "1 to 512 printable characters"),
        Arguments.of("state=line%0Abreak&port=8080", "1 to 512 printable characters"),
        Arguments.of("state=%C3%A9t%C3%A9&port=8080", "1 to 512 printable characters"),
        Arguments.of(
            "state=s&port=8080&code_challenge=" + "a".repeat(43),
            "Only the S256 code challenge method"),
        Arguments.of(
            "state=s&port=8080&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain",
            "Only the S256 code challenge method"),
        Arguments.of(
            "state=s&port=8080&code_challenge=short&code_challenge_method=S256",
            "43 base64url characters"),
        Arguments.of("state=s&port=8080&code_challenge_method=S256", "without a code challenge"));
  }

  @ParameterizedTest
  @MethodSource("invalidLinks")
  void connectWhenLinkInvalidThenExplainedWithoutRedirect(String query, String explanation) {
    WebSession browser = signedIn();

    Response response = browser.get("/auth/connect?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Location")).isEmpty();
    assertThat(response.body()).contains("This login link is not valid").contains(explanation);
  }

  @ParameterizedTest
  @MethodSource("invalidLinks")
  void connectWhenLinkInvalidAndSignedOutThenExplainedBeforeSignIn(
      String query, String explanation) {
    Response response = new WebSession(base()).get("/auth/connect?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains(explanation);
  }

  @Test
  void connectWhenSignedOutThenSignInThenBackToTheSameLink() {
    WebSession browser = new WebSession(base());
    String email = browser.signUp(newEmail(), PASSWORD);
    browser.post("/signout", Map.of());

    Response first = browser.get("/auth/connect?state=abc&port=49152");
    assertThat(first.status()).isEqualTo(302);
    assertThat(first.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));

    Response signIn = browser.signIn(email, PASSWORD);
    assertThat(signIn.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/auth/connect?state=abc&port=49152"));
  }

  @Test
  void approveThenRedirectToLoopbackCallbackWithCodeAndStateUnchanged() {
    WebSession browser = signedIn();
    String state = "a+b c&d=e/?#%~!*'()\"<>";
    String query = "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&port=49152";
    assertThat(browser.get("/auth/connect?" + query).status()).isEqualTo(200);

    Response approved =
        browser.post(
            "/auth/connect", Map.of("state", state, "port", "49152", "decision", "approve"));

    assertThat(approved.status()).isEqualTo(302);
    URI location = URI.create(approved.header("Location").orElseThrow());
    assertThat(location.getScheme()).isEqualTo("http");
    assertThat(location.getHost()).isEqualTo("127.0.0.1");
    assertThat(location.getPort()).isEqualTo(49152);
    assertThat(location.getPath()).isEqualTo("/callback");
    Map<String, String> parameters = query(location.getRawQuery());
    assertThat(parameters.keySet()).containsExactly("code", "state");
    assertThat(parameters.get("state")).isEqualTo(state);
    assertThat(approved.header("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(approved.header("Referrer-Policy")).contains("no-referrer");
    assertThat(api().exchange(parameters.get("code")).status()).isEqualTo(200);
  }

  @Test
  void denyThenRedirectToLoopbackCallbackWithAccessDeniedAndNoCode() {
    WebSession browser = signedIn();
    browser.get("/auth/connect?state=xyz&port=50000");

    Response denied =
        browser.post("/auth/connect", Map.of("state", "xyz", "port", "50000", "decision", "deny"));

    assertThat(denied.status()).isEqualTo(302);
    assertThat(denied.header("Location"))
        .contains("http://127.0.0.1:50000/callback?error=access_denied&state=xyz");
  }

  @Test
  void approveWhenPortTamperedInFormThenRefusedWithoutRedirect() {
    WebSession browser = signedIn();
    browser.get("/auth/connect?state=xyz&port=50000");

    Response tampered =
        browser.post("/auth/connect", Map.of("state", "xyz", "port", "80", "decision", "approve"));

    assertThat(tampered.status()).isEqualTo(400);
    assertThat(tampered.header("Location")).isEmpty();
  }

  @Test
  void approveWhenNoDecisionThenRefused() {
    WebSession browser = signedIn();
    browser.get("/auth/connect?state=xyz&port=50000");

    Response response = browser.post("/auth/connect", Map.of("state", "xyz", "port", "50000"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Location")).isEmpty();
  }

  @Test
  void approveWhenSignedOutThenSentToSignInAndNothingIssued() {
    WebSession browser = new WebSession(base());
    browser.get("/signin");

    Response response =
        browser.post(
            "/auth/connect", Map.of("state", "xyz", "port", "50000", "decision", "approve"));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
  }

  @Test
  void approveWithoutCsrfTokenThenForbidden() {
    WebSession browser = signedIn();
    browser.get("/auth/connect?state=xyz&port=50000");

    Response response =
        browser.postRaw(
            "/auth/connect", Map.of("state", "xyz", "port", "50000", "decision", "approve"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Location")).isEmpty();
    assertThat(response.body()).contains("Not allowed");
  }

  @Test
  void pasteModeApproveThenCodeOnPageWithNoStore() {
    WebSession browser = signedIn();
    browser.get("/auth/connect");

    Response page = browser.post("/auth/connect", Map.of("decision", "approve"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(page.header("Referrer-Policy")).contains("no-referrer");
    String code = page.body().replaceAll("(?s).*id=\"login-code\"[^>]*>([0-9A-Za-z]{32})<.*", "$1");
    assertThat(code).hasSize(32);
    assertThat(api().exchange(code).status()).isEqualTo(200);
  }

  @Test
  void trailingSlashBaseUrlThenDoubleSlashRedirectedToConnect() {
    Response response = new WebSession(base()).get("//auth/connect?state=abc&port=49152");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).contains("/auth/connect?state=abc&port=49152");
  }

  private WebSession signedIn() {
    WebSession browser = new WebSession(base());
    browser.signUp(newEmail(), PASSWORD);
    return browser;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String newEmail() {
    return "pages-" + UUID.randomUUID() + "@example.com";
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
