package so.lava.auth.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one
 * address, within a sliding window, further attempts are refused until the oldest failure leaves
 * the window. Failures are audit events in PostgreSQL, so every instance sees the same count.
 */
@Component
public class SignInThrottle {

  private static final String BLOCKED_FOR =
      """
      WITH recent AS (
          SELECT occurred_at, details->>'email' AS email, client_address
          FROM audit_events
          WHERE type = :type AND occurred_at > now() - make_interval(secs => :windowSeconds)
      ), by_account AS (
          SELECT count(*) AS failures, min(occurred_at) AS oldest FROM recent WHERE email = :email
      ), by_address AS (
          SELECT count(*) AS failures, min(occurred_at) AS oldest FROM recent
          WHERE client_address = :address
      )
      SELECT ceil(extract(epoch FROM greatest(
                 CASE WHEN a.failures >= :perAccount THEN a.oldest END,
                 CASE WHEN d.failures >= :perAddress THEN d.oldest END)
               + make_interval(secs => :windowSeconds) - now()))::bigint
      FROM by_account a, by_address d
      """;

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Limits limits;

  SignInThrottle(JdbcClient jdbc, AuditLog audit, Limits limits) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.limits = limits;
  }

  /** How long sign-ins for this e-mail from this address must wait; empty when they may go on. */
  public Optional<Duration> blockedFor(String email, String address) {
    Long seconds =
        jdbc.sql(BLOCKED_FOR)
            .param("type", AuditLog.SIGN_IN_FAILED)
            .param("windowSeconds", limits.window().toSeconds())
            .param("email", normalize(email))
            .param("address", address)
            .param("perAccount", limits.perAccount())
            .param("perAddress", limits.perAddress())
            .query(Long.class)
            .optional()
            .orElse(null);
    return seconds == null || seconds <= 0
        ? Optional.empty()
        : Optional.of(Duration.ofSeconds(seconds));
  }

  public void recordFailure(String email, String address) {
    audit.record(
        new AuditEvent(
            AuditLog.SIGN_IN_FAILED,
            null,
            null,
            null,
            null,
            address,
            Map.of("email", normalize(email))));
  }

  private static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code lava.sign-in.*}: failures allowed per account and per address within the window.
   *
   * @param perAccount failed sign-ins for one e-mail before it is throttled
   * @param perAddress failed sign-ins from one address before it is throttled
   * @param window how far back failures count
   */
  @ConfigurationProperties("lava.sign-in")
  public record Limits(
      @DefaultValue("10") int perAccount,
      @DefaultValue("50") int perAddress,
      @DefaultValue("15m") Duration window) {}
}
