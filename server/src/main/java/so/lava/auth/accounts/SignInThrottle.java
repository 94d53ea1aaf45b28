package so.lava.auth.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;
import so.lava.auth.limits.RateLimits;
import so.lava.auth.limits.RateLimits.Limit;

/**
 * Slows down password guessing: each failed sign-in takes a token from its account's bucket and
 * from its address's (see {@link RateLimits}, {@code lava.sign-in.*}); while either is empty,
 * sign-ins for that account or from that address wait. The buckets live in PostgreSQL, so every
 * instance counts the same failures; each failure also goes to the audit log.
 */
@Component
public class SignInThrottle {

  private final RateLimits limits;
  private final AuditLog audit;

  SignInThrottle(RateLimits limits, AuditLog audit) {
    this.limits = limits;
    this.audit = audit;
  }

  /** How long sign-ins for this e-mail from this address must wait; empty when they may go on. */
  public Optional<Duration> blockedFor(String email, String address) {
    Optional<Duration> wait =
        Stream.of(
                limits.waitFor(Limit.SIGN_IN_FAILURES_PER_ACCOUNT, normalize(email)),
                limits.waitFor(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address))
            .flatMap(Optional::stream)
            .max(Duration::compareTo);
    wait.ifPresent(w -> limits.refused(Limit.SIGN_IN_FAILURES_PER_ACCOUNT));
    return wait;
  }

  public void recordFailure(String email, String address) {
    limits.spend(Limit.SIGN_IN_FAILURES_PER_ACCOUNT, normalize(email));
    limits.spend(Limit.SIGN_IN_FAILURES_PER_ADDRESS, address);
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
}
