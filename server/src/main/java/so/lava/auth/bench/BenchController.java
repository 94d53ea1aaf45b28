package so.lava.auth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import so.lava.auth.accounts.AccountRepository;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.exchange.AuthCodeIssuer;
import so.lava.auth.keys.SecretKeyRepository;
import so.lava.auth.system.Secrets;

/**
 * Entry points for {@code bench/run} only: they exist when the server runs with the {@code bench}
 * profile, never otherwise. They mint codes and keys in bulk for a benchmark account (the way the
 * server's own code service does, without a person's approval) and offer a route that does no work,
 * the yardstick for key verification.
 */
@RestController
@Profile("bench")
class BenchController {

  private static final String INSERT_CODE =
      """
      INSERT INTO auth_codes (code_hash, code_hint, account_id, merchant_id, wallet_id, expires_at)
      VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?))
      """;

  private final AccountRepository accounts;
  private final SecretKeyRepository keys;
  private final JdbcTemplate jdbc;
  private Account account;

  BenchController(AccountRepository accounts, SecretKeyRepository keys, JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.keys = keys;
    this.jdbc = jdbc;
  }

  /** {@code count} fresh one-time codes (60 s, as always), one per line. */
  @PostMapping(path = "/bench/codes", produces = MediaType.TEXT_PLAIN_VALUE)
  String mintCodes(@RequestParam int count) {
    Account owner = account();
    List<String> codes = new ArrayList<>(count);
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String code = Secrets.randomBase62(32);
      codes.add(code);
      rows.add(
          new Object[] {
            Secrets.sha256(code),
            "..." + code.substring(28),
            owner.id(),
            owner.merchantId(),
            owner.walletId(),
            AuthCodeIssuer.LIFETIME.toSeconds()
          });
    }
    jdbc.batchUpdate(INSERT_CODE, rows);
    return String.join("\n", codes) + "\n";
  }

  /** {@code count} secret keys of the benchmark account, one per line. */
  @PostMapping(path = "/bench/keys", produces = MediaType.TEXT_PLAIN_VALUE)
  String mintKeys(@RequestParam int count) {
    Account owner = account();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(
              keys.create(owner.merchantId(), owner.walletId(), owner.id(), "bench " + i, "api")
                  .secretKey())
          .append('\n');
    }
    return out.toString();
  }

  /** Does nothing, as cheaply as a route can. */
  @GetMapping(path = "/bench/noop", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Boolean> noop() {
    return Map.of("ok", true);
  }

  private synchronized Account account() {
    if (account == null) {
      account =
          accounts.create(
              "bench-" + UUID.randomUUID() + "@example.com", "{noop}not-for-sign-in", "Benchmark");
    }
    return account;
  }
}
