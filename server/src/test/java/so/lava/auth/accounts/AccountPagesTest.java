package so.lava.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.WebSession;

/**
 * Sign-up, sign-in and sign-out over plain HTTP: the rules, the hash, the session, the throttle.
 */
class AccountPagesTest extends ServerTest {

  private static final String PASSWORD = "a long enough password";

  @Autowired private SignInThrottle throttle;

  static Stream<Arguments> signUpMistakes() {
    return Stream.of(
        Arguments.of("", PASSWORD, "", "Enter your e-mail address."),
        Arguments.of(
            "not-an-email", PASSWORD, "", "Enter an e-mail address like name@example.com."),
        Arguments.of(
            "two@@example.com", PASSWORD, "", "Enter an e-mail address like name@example.com."),
        Arguments.of(newEmail(), "", "", "Choose a password."),
        Arguments.of(newEmail(), "elevenchars", "", "Use at least 12 characters."),
        Arguments.of(newEmail(), "x".repeat(129), "", "Use at most 128 characters."),
        Arguments.of(
            "me@example.com",
            "my me@example.com password",
            "",
            "Don&#39;t use your e-mail address in your password."),
        Arguments.of(newEmail(), PASSWORD, "b".repeat(101), "Use at most 100 characters."));
  }

  @ParameterizedTest
  @MethodSource("signUpMistakes")
  void signUpWhenMistakeThenExplainedAndNothingCreated(
      String email, String password, String business, String message) {
    WebSession browser = new WebSession(base());
    browser.get("/signup");

    Response response =
        browser.post("/signup", Map.of("email", email, "password", password, "business", business));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains(message)
        .doesNotContain(password.isEmpty() ? "\u0000" : "value=\"" + password);
    if (!email.isEmpty()) {
      assertThat(accountsWithEmail(email)).isZero();
    }
  }

  @Test
  void signUpThenAccountMerchantWalletAndArgon2idHash() {
    WebSession browser = new WebSession(base());
    String email = newEmail();

    browser.signUp(email, PASSWORD);

    var row =
        fixtures
            .jdbc()
            .sql(
                """
                SELECT a.password_hash, m.name, w.id AS wallet
                FROM accounts a JOIN merchants m ON m.account_id = a.id
                JOIN wallets w ON w.merchant_id = m.id WHERE a.email = :email
                """)
            .param("email", email)
            .query()
            .singleRow();
    assertThat((String) row.get("password_hash"))
        .startsWith("{argon2}$argon2id$")
        .doesNotContain(PASSWORD);
    assertThat(row.get("name")).isEqualTo("Test Co");
    assertThat(row.get("wallet")).isNotNull();
    assertThat(browser.get("/dashboard").status()).isEqualTo(200);
  }

  @Test
  void signUpWhenEmailTakenInAnotherCaseThenRefused() {
    String email = newEmail();
    new WebSession(base()).signUp(email, PASSWORD);
    WebSession other = new WebSession(base());
    other.get("/signup");

    Response response =
        other.post(
            "/signup", Map.of("email", email.toUpperCase(), "password", PASSWORD, "business", ""));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("An account with this e-mail already exists.");
  }

  @Test
  void signInThenSessionIdRotated() {
    String email = new WebSession(base()).signUp(newEmail(), PASSWORD);
    WebSession browser = new WebSession(base());
    // A signed-out visit to the login link starts a session (it remembers where to come back to).
    browser.get("/auth/connect?state=abc&port=49152");
    browser.get("/signin");
    String before = browser.sessionId().orElseThrow();

    Response response =
        browser.post("/signin", Map.of("email", email.toUpperCase(), "password", PASSWORD));

    assertThat(response.status()).isEqualTo(302);
    assertThat(browser.sessionId()).isPresent().get().isNotEqualTo(before);
    assertThat(browser.get("/dashboard").body()).contains(email);
  }

  @Test
  void signInWhenPasswordWrongThenSameMessageAsUnknownEmail() {
    String email = new WebSession(base()).signUp(newEmail(), PASSWORD);
    WebSession browser = new WebSession(base());

    Response wrongPassword = browser.signIn(email, "not the password!");
    Response unknownEmail = browser.signIn(newEmail(), PASSWORD);

    assertThat(wrongPassword.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin?error"));
    assertThat(unknownEmail.header("Location")).isEqualTo(wrongPassword.header("Location"));
    assertThat(browser.get("/signin?error").body())
        .contains("That e-mail and password don't match an account.");
  }

  @Test
  void signInWhenTooManyFailuresForAccountThen429EvenWithTheRightPassword() {
    String email = new WebSession(base()).signUp(newEmail(), PASSWORD);
    WebSession attacker = new WebSession(base());
    for (int i = 0; i < 10; i++) {
      assertThat(attacker.signIn(email, "guess number " + i).status()).isEqualTo(302);
    }

    Response throttled = attacker.signIn(email, PASSWORD);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("Too many failed sign-ins").contains("minutes");
    assertThat(failures(email)).isEqualTo(10);
  }

  @Test
  void throttleWhenManyFailuresFromOneAddressThenEveryAccountThereWaits() {
    String address = "203.0.113." + (int) (Math.random() * 250);
    for (int i = 0; i < 50; i++) {
      throttle.recordFailure("victim-" + i + "@example.com", address);
    }

    assertThat(throttle.blockedFor(newEmail(), address)).isPresent();
    assertThat(throttle.blockedFor(newEmail(), "198.51.100.1")).isEmpty();
  }

  @Test
  void signUpWithoutCsrfTokenThenForbiddenAndNothingCreated() {
    String email = newEmail();

    Response response =
        new WebSession(base()).postRaw("/signup", Map.of("email", email, "password", PASSWORD));

    assertThat(response.status()).isEqualTo(403);
    assertThat(accountsWithEmail(email)).isZero();
  }

  @Test
  void signOutThenDashboardNeedsSignInAgain() {
    WebSession browser = new WebSession(base());
    browser.signUp(newEmail(), PASSWORD);
    browser.get("/dashboard");

    Response signedOut = browser.post("/signout", Map.of());

    assertThat(signedOut.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin?signedout"));
    assertThat(browser.get("/dashboard").status()).isEqualTo(302);
  }

  @Test
  void signUpThenAudited() {
    String email = new WebSession(base()).signUp(newEmail(), PASSWORD);

    long events =
        fixtures
            .jdbc()
            .sql(
                "SELECT count(*) FROM audit_events e JOIN accounts a ON a.id = e.account_id"
                    + " WHERE a.email = :email AND e.type = :type")
            .param("email", email)
            .param("type", AuditLog.ACCOUNT_CREATED)
            .query(Long.class)
            .single();
    assertThat(events).isEqualTo(1);
  }

  private long accountsWithEmail(String email) {
    return fixtures
        .jdbc()
        .sql("SELECT count(*) FROM accounts WHERE lower(email) = lower(:email)")
        .param("email", email.strip())
        .query(Long.class)
        .single();
  }

  private long failures(String email) {
    return fixtures
        .jdbc()
        .sql(
            "SELECT count(*) FROM audit_events WHERE type = :type AND details->>'email' = lower(:email)")
        .param("type", AuditLog.SIGN_IN_FAILED)
        .param("email", email)
        .query(Long.class)
        .single();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String newEmail() {
    return "account-" + UUID.randomUUID() + "@example.com";
  }
}
