package so.lava.auth.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import so.lava.auth.exchange.ExchangeErrors;
import so.lava.auth.support.Browser;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.LoopbackListener;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.SpecSchemas;

/**
 * The whole login in a real Chromium: a listener on 127.0.0.1 plays the command-line program, the
 * browser signs up, approves or denies, and the listener's code is exchanged over HTTP. Screenshots
 * of each page go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserLoginTest extends ServerTest {

  private static final String PASSWORD = "correct horse battery staple";

  private Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.resize(1200, 1000);
    browser.open(base() + "/signin");
    browser.forgetSession();
  }

  @Test
  void loginWhenSignedUpAndApprovedThenListenerGetsCodeAndStateAndExchangeSucceeds() {
    try (LoopbackListener program = new LoopbackListener()) {
      String state = "0123456789abcdef0123456789abcdef";

      browser.open(base() + "/auth/connect?state=" + state + "&port=" + program.port());
      assertThat(browser.url()).endsWith("/signin");
      assertThat(browser.text("main")).contains("approve the command-line login");
      browser.screenshot("01-signin");
      browser.click("a[href='/signup']");
      signUp(newEmail());

      assertThat(browser.url()).contains("/auth/connect");
      assertThat(browser.text("main"))
          .contains("port " + program.port())
          .contains("Approve only a login you started yourself");
      browser.screenshot("03-consent");
      browser.click("button[value=approve]");

      Map<String, String> callback = program.awaitCallback();
      assertThat(callback).containsEntry("state", state).containsKey("code");
      assertThat(browser.text("body")).contains("You can close this tab");
      Response exchange = api().exchange(callback.get("code"));
      assertThat(exchange.status()).isEqualTo(200);
      SpecSchemas.assertMatches("CliAuthCallbackResponse", exchange.json());
    }
  }

  @Test
  void loginWhenDeniedThenListenerGetsAccessDeniedAndState() {
    signUpFresh();
    try (LoopbackListener program = new LoopbackListener()) {
      browser.open(base() + "/auth/connect?state=deny-me%20please&port=" + program.port());
      browser.click("button[value=deny]");

      Map<String, String> callback = program.awaitCallback();
      assertThat(callback)
          .containsEntry("error", "access_denied")
          .containsEntry("state", "deny-me please")
          .doesNotContainKey("code");
    }
  }

  @Test
  void loginWhenPortInvalidThenExplainedAndNoRedirect() {
    signUpFresh();
    for (String port : new String[] {"80", "70000", "abc", "-1", "8080.5"}) {
      browser.open(base() + "/auth/connect?state=abc&port=" + port);

      assertThat(browser.url()).startsWith(base() + "/auth/connect");
      assertThat(browser.text("h1")).isEqualTo("This login link is not valid");
      assertThat(browser.text("main")).contains("port must be a whole number from 1024 to 65535");
    }
    browser.screenshot("05-invalid-link");
  }

  @Test
  void loginWhenPasteModeThenCodeShownWithCountdownAndExchangeSucceeds() {
    signUpFresh();
    browser.open(base() + "/auth/connect?state=paste");
    assertThat(browser.text("main")).contains("you will get a code to paste");
    browser.click("button[value=approve]");

    String code = browser.text("#login-code");
    assertThat(code).matches("[0-9A-Za-z]{32}");
    assertThat(browser.text(".countdown")).matches("Expires in \\d+ seconds?\\.");
    browser.screenshot("04-paste-code");
    browser.resize(390, 844);
    browser.screenshot("04-paste-code-phone");

    assertThat(api().exchange(code).status()).isEqualTo(200);
  }

  @Test
  void loginWhenPkceThenOnlyTheMatchingVerifierExchanges() {
    signUpFresh();
    String verifier = "v".repeat(20) + UUID.randomUUID().toString().replace("-", "");
    String matching = approveWithChallenge(s256(verifier));
    String other = approveWithChallenge(s256(verifier));

    assertThat(api().exchange(matching, verifier).status()).isEqualTo(200);
    Response mismatch = api().exchange(other, "w".repeat(43));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.errorCode()).isEqualTo(ExchangeErrors.AUTH_CODE_INVALID);
    assertThat(api().exchange(other, verifier).errorCode())
        .isEqualTo(ExchangeErrors.AUTH_CODE_USED);
  }

  @Test
  void dashboardWhenKeyCreatedThenShownOnceAndRevokedAfterConfirmation() {
    signUpFresh();
    try (LoopbackListener program = new LoopbackListener()) {
      browser.open(base() + "/auth/connect?state=s&port=" + program.port());
      browser.click("button[value=approve]");
      api().exchange(program.awaitCallback().get("code"));
    }
    browser.open(base() + "/dashboard");
    browser.type("#key-name", "billing-worker");
    browser.click("form[action='/dashboard/keys'] button");

    String secretKey = browser.text("#secret-key");
    assertThat(secretKey).startsWith("lava_sk_");
    browser.screenshot("07-key-created");
    browser.click("a[href='/dashboard']");
    assertThat(browser.text("main"))
        .contains("billing-worker")
        .contains(secretKey.substring(secretKey.length() - 4))
        .doesNotContain(secretKey)
        .contains("Command-line login")
        .contains("Approved, exchanged for a key");
    browser.screenshot("06-dashboard");
    browser.resize(390, 844);
    browser.screenshot("06-dashboard-phone");
    browser.resize(1200, 1000);

    browser.click("a[aria-label='Revoke billing-worker']");
    browser.screenshot("08-revoke-confirm");
    browser.click("button.danger");
    assertThat(browser.text(".notice")).contains("Revoked").contains("billing-worker");
    assertThat(browser.text("table")).doesNotContain("billing-worker");
  }

  @Test
  void signUpWhenMistakesThenEachExplained() {
    browser.open(base() + "/signup");
    browser.type("#email", "not-an-email");
    browser.type("#password", "short");
    browser.click("button[type=submit]");

    assertThat(browser.text("#email-problem"))
        .isEqualTo("Enter an e-mail address like name@example.com.");
    assertThat(browser.text("#password-problem")).isEqualTo("Use at least 12 characters.");
    browser.screenshot("02-signup-mistakes");
  }

  private String approveWithChallenge(String challenge) {
    browser.open(
        base() + "/auth/connect?code_challenge=" + challenge + "&code_challenge_method=S256");
    assertThat(browser.text("main")).contains("PKCE");
    browser.click("button[value=approve]");
    return browser.text("#login-code");
  }

  private void signUpFresh() {
    browser.open(base() + "/signup");
    signUp(newEmail());
  }

  private void signUp(String email) {
    browser.type("#email", email);
    browser.type("#password", PASSWORD);
    browser.type("#business", "Acme Robotics");
    browser.screenshot("02-signup");
    browser.click("button[type=submit]");
    browser.waitForUrl(url -> !url.contains("/signup"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String newEmail() {
    return "browser-" + UUID.randomUUID() + "@example.com";
  }

  private static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
