package so.lava.auth.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiException;

/**
 * Rate limits that hold across every instance: token buckets (Bucket4j) kept in PostgreSQL (table
 * {@code rate_limit_buckets}), each refilled evenly over a minute.
 *
 * <ul>
 *   <li>{@link Limit#EXCHANGES_PER_ADDRESS}: exchange attempts from one client address;
 *   <li>{@link Limit#FAILED_EXCHANGES}: refused exchanges, all clients together (guessing codes);
 *   <li>{@link Limit#REQUESTS_PER_KEY}: requests authenticated with one secret key;
 *   <li>{@link Limit#SIGN_IN_FAILURES_PER_ACCOUNT} and {@link Limit#SIGN_IN_FAILURES_PER_ADDRESS}:
 *       failed sign-ins, over a longer window.
 * </ul>
 */
@Component
public class RateLimits {

  /** The code of the {@code 429} answer. */
  public static final String RATE_LIMITED = "rate_limited";

  /** The kinds of limit; the name is the bucket's prefix and the metric's tag. */
  public enum Limit {
    EXCHANGES_PER_ADDRESS("exchange_address"),
    FAILED_EXCHANGES("exchange_failures"),
    REQUESTS_PER_KEY("key"),
    SIGN_IN_FAILURES_PER_ACCOUNT("sign_in_account"),
    SIGN_IN_FAILURES_PER_ADDRESS("sign_in_address");

    private final String tag;

    Limit(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private final Settings settings;
  private final SignIn signIn;
  private final ProxyManager<String> buckets;
  private final MeterRegistry meters;

  RateLimits(Settings settings, SignIn signIn, DataSource dataSource, MeterRegistry meters) {
    this.settings = settings;
    this.signIn = signIn;
    this.meters = meters;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
  }

  /**
   * Takes one token for {@code subject} under {@code limit}.
   *
   * @throws ApiException {@code 429 rate_limited} with the seconds to wait when there is none
   */
  public void take(Limit limit, String subject) {
    if (!enabled(limit)) {
      return;
    }
    ConsumptionProbe probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw refusal(limit, probe.getNanosToWaitForRefill());
    }
  }

  /** Refuses at once when {@code subject} has no token left, without taking one. */
  public void check(Limit limit, String subject) {
    Optional<Duration> wait = waitFor(limit, subject);
    if (wait.isPresent()) {
      throw refusal(limit, wait.get().toNanos());
    }
  }

  /** How long until {@code subject} has a token again under {@code limit}; empty if it has one. */
  public Optional<Duration> waitFor(Limit limit, String subject) {
    if (!enabled(limit)) {
      return Optional.empty();
    }
    var estimate = bucket(limit, subject).estimateAbilityToConsume(1);
    return estimate.canBeConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
  }

  /** Counts a refusal made elsewhere (the sign-in page), for the metrics. */
  public void refused(Limit limit) {
    meters.counter("lava.rate_limit.rejections", "limit", limit.tag()).increment();
  }

  /** Records one event against {@code subject}'s bucket, whatever is left in it. */
  public void spend(Limit limit, String subject) {
    if (enabled(limit)) {
      bucket(limit, subject).tryConsume(1);
    }
  }

  private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String subject) {
    long capacity = capacity(limit);
    Duration period = period(limit);
    return buckets
        .builder()
        .build(
            limit.tag() + ":" + subject,
            () ->
                BucketConfiguration.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, period)
                            .build())
                    .build());
  }

  private boolean enabled(Limit limit) {
    return switch (limit) {
      case SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_FAILURES_PER_ADDRESS -> true;
      default -> settings.enabled();
    };
  }

  private long capacity(Limit limit) {
    return switch (limit) {
      case EXCHANGES_PER_ADDRESS -> settings.exchangesPerAddress();
      case FAILED_EXCHANGES -> settings.failedExchanges();
      case REQUESTS_PER_KEY -> settings.requestsPerKey();
      case SIGN_IN_FAILURES_PER_ACCOUNT -> signIn.perAccount();
      case SIGN_IN_FAILURES_PER_ADDRESS -> signIn.perAddress();
    };
  }

  private Duration period(Limit limit) {
    return switch (limit) {
      case SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_FAILURES_PER_ADDRESS -> signIn.window();
      default -> Duration.ofMinutes(1);
    };
  }

  private ApiException refusal(Limit limit, long nanosToWait) {
    meters.counter("lava.rate_limit.rejections", "limit", limit.tag()).increment();
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    return new ApiException(
        ApiError.of(
            429,
            RATE_LIMITED,
            "Too many requests. Try again in "
                + seconds
                + (seconds == 1 ? " second." : " seconds.")),
        Optional.of(seconds));
  }

  /**
   * {@code lava.limits.*}: requests allowed per minute for each limit; {@code enabled=false} turns
   * them all off (for benchmarks).
   */
  /**
   * {@code lava.sign-in.*}: failed sign-ins allowed per account and per address within the window
   * (always on: they guard passwords).
   */
  @ConfigurationProperties("lava.sign-in")
  public record SignIn(
      @DefaultValue("10") int perAccount,
      @DefaultValue("50") int perAddress,
      @DefaultValue("15m") Duration window) {}

  @ConfigurationProperties("lava.limits")
  public record Settings(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60") long exchangesPerAddress,
      @DefaultValue("1000") long failedExchanges,
      @DefaultValue("1200") long requestsPerKey) {}
}
