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
 *   <li>{@link Limit#REQUESTS_PER_KEY}: requests authenticated with one secret key.
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
    REQUESTS_PER_KEY("key");

    private final String tag;

    Limit(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private final Settings settings;
  private final ProxyManager<String> buckets;
  private final MeterRegistry meters;

  RateLimits(Settings settings, DataSource dataSource, MeterRegistry meters) {
    this.settings = settings;
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
    if (!settings.enabled()) {
      return;
    }
    ConsumptionProbe probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw refusal(limit, probe.getNanosToWaitForRefill());
    }
  }

  /** Refuses at once when {@code subject} has no token left, without taking one. */
  public void check(Limit limit, String subject) {
    if (!settings.enabled()) {
      return;
    }
    var estimate = bucket(limit, subject).estimateAbilityToConsume(1);
    if (!estimate.canBeConsumed()) {
      throw refusal(limit, estimate.getNanosToWaitForRefill());
    }
  }

  /** Records one event against {@code subject}'s bucket, whatever is left in it. */
  public void spend(Limit limit, String subject) {
    if (settings.enabled()) {
      bucket(limit, subject).tryConsume(1);
    }
  }

  private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String subject) {
    long perMinute = perMinute(limit);
    return buckets
        .builder()
        .build(
            limit.tag() + ":" + subject,
            () ->
                BucketConfiguration.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
  }

  private long perMinute(Limit limit) {
    return switch (limit) {
      case EXCHANGES_PER_ADDRESS -> settings.exchangesPerAddress();
      case FAILED_EXCHANGES -> settings.failedExchanges();
      case REQUESTS_PER_KEY -> settings.requestsPerKey();
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
        java.util.Optional.of(seconds));
  }

  /**
   * {@code lava.limits.*}: requests allowed per minute for each limit; {@code enabled=false} turns
   * them all off (for benchmarks).
   */
  @ConfigurationProperties("lava.limits")
  public record Settings(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60") long exchangesPerAddress,
      @DefaultValue("1000") long failedExchanges,
      @DefaultValue("1200") long requestsPerKey) {}
}
