package so.lava.auth.support;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import so.lava.auth.accounts.AccountRepository;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.exchange.AuthCodeGrant;
import so.lava.auth.exchange.AuthCodeIssuer;
import so.lava.auth.exchange.IssuedCode;

/** Accounts and codes for tests, made through the server's own services. */
@TestComponent
public class Fixtures {

  private final AccountRepository accounts;
  private final AuthCodeIssuer issuer;
  private final JdbcClient jdbc;

  Fixtures(AccountRepository accounts, AuthCodeIssuer issuer, JdbcClient jdbc) {
    this.accounts = accounts;
    this.issuer = issuer;
    this.jdbc = jdbc;
  }

  /** A fresh account, with its merchant and wallet, under an e-mail no other test uses. */
  public Account account() {
    String email = "person-" + UUID.randomUUID() + "@example.com";
    return accounts.create(email, "not-a-real-password-hash", "Test merchant");
  }

  /** A code the account approved for a program on port 49152. */
  public IssuedCode code(Account account) {
    return issuer.issue(grant(account, Optional.empty()));
  }

  /** A code bound to a PKCE S256 challenge. */
  public IssuedCode codeWithChallenge(Account account, String codeChallenge) {
    return issuer.issue(grant(account, Optional.of(codeChallenge)));
  }

  /**
   * Moves a code's issue time into the past, as if the database's clock had moved on by {@code
   * age}: the controllable clock of the expiry tests.
   */
  public void age(IssuedCode code, Duration age) {
    jdbc.sql(
            """
            UPDATE auth_codes
            SET created_at = created_at - make_interval(secs => :seconds),
                expires_at = expires_at - make_interval(secs => :seconds)
            WHERE id = :id
            """)
        .param("seconds", age.toMillis() / 1000.0)
        .param("id", code.id())
        .update();
  }

  /** A secret key for the account, made the real way: a code, exchanged over HTTP. */
  public String secretKey(Account account, HttpApi api) {
    return api.exchange(code(account).code()).json().path("secret_key").asString();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  private static AuthCodeGrant grant(Account account, Optional<String> challenge) {
    return new AuthCodeGrant(
        account.id(), account.merchantId(), account.walletId(), Optional.of(49152), challenge);
  }
}
