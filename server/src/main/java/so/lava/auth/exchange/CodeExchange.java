package so.lava.auth.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import so.lava.auth.api.ApiException;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;
import so.lava.auth.keys.SecretKeyFormat;
import so.lava.auth.keys.SecretKeyRepository;
import so.lava.auth.system.Secrets;

/**
 * The rules of the exchange: a code becomes a secret key once, within 60 seconds of issue, and only
 * with the matching PKCE verifier when it was bound to a challenge.
 *
 * <p>The successful exchange is one SQL statement (see {@link AuthCodeRepository}) that checks all
 * of that and creates the key atomically. Only when it matches nothing do we lock the code and work
 * out why, in the guard order of the specification; that path is rare and may be slower.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
@Service
public class CodeExchange {

  private final AuthCodeRepository codes;
  private final SecretKeyRepository keys;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final MeterRegistry meters;
  private final Timer latency;
  // One counter per outcome, found once: looking a meter up by its tags on every request shows
  // in profiles.
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

  CodeExchange(
      AuthCodeRepository codes,
      SecretKeyRepository keys,
      AuditLog audit,
      TransactionTemplate transactions,
      MeterRegistry meters) {
    this.codes = codes;
    this.keys = keys;
    this.audit = audit;
    this.transactions = transactions;
    this.meters = meters;
    this.latency =
        Timer.builder("lava.exchange")
            .description("Time to exchange a code, refusals included")
            .publishPercentileHistogram()
            .register(meters);
  }

  /**
   * Exchanges a code for a new secret key.
   *
   * @throws ApiException {@code 400} with a code from {@link ExchangeErrors} when it cannot be
   */
  public IssuedKey exchange(ExchangeRequest request, String clientAddress) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "issued";
    try {
      return exchangeTimed(request, clientAddress);
    } catch (ApiException refused) {
      outcome = refused.error().code();
      throw refused;
    } catch (RuntimeException failed) {
      outcome = "error";
      throw failed;
    } finally {
      sample.stop(latency);
      outcomes
          .computeIfAbsent(outcome, o -> meters.counter("lava.exchanges", "outcome", o))
          .increment();
    }
  }

  private IssuedKey exchangeTimed(ExchangeRequest request, String clientAddress) {
    byte[] codeHash = Secrets.sha256(request.code());
    Optional<String> verifierChallenge = request.codeVerifier().map(Pkce::s256);
    String secretKey = SecretKeyFormat.generate();
    Optional<IssuedKey> issued =
        codes.redeem(codeHash, verifierChallenge, secretKey, clientAddress);
    if (issued.isPresent()) {
      return issued.get();
    }
    throw transactions.execute(status -> refusal(codeHash, verifierChallenge, clientAddress));
  }

  /**
   * Why a code was refused, with what the refusal must change, in one transaction that holds the
   * code's row lock. The refusal is returned, not thrown, so that its changes commit.
   */
  private ApiException refusal(
      byte[] codeHash, Optional<String> verifierChallenge, String clientAddress) {
    Optional<AuthCodeRepository.AuthCodeState> found = codes.findForUpdate(codeHash);
    // Never issued, or already cleaned away.
    if (found.isEmpty()) {
      return ExchangeErrors.invalid();
    }
    AuthCodeRepository.AuthCodeState code = found.get();
    // Used before: someone else may hold the code, so the key it bought is revoked too (RFC 6749
    // §4.1.2). Checked before expiry, so that a replay is reported and acted on however late.
    if (code.used()) {
      audit.record(event(AuditLog.AUTH_CODE_REUSED, code, null, clientAddress));
      Optional<UUID> revoked = keys.revokeIssuedForCode(code.id());
      revoked.ifPresent(
          keyId ->
              audit.record(
                  event(AuditLog.SECRET_KEY_REVOKED_ON_CODE_REUSE, code, keyId, clientAddress)));
      return ExchangeErrors.used();
    }
    // Past its 60 seconds, by the database's clock.
    if (code.expired()) {
      return ExchangeErrors.expired();
    }
    // Bound to a PKCE challenge the verifier does not meet: spend the code, so that whoever
    // intercepted it cannot keep guessing (RFC 7636 §4.6).
    if (!challengeMet(code.codeChallenge(), verifierChallenge)) {
      codes.consume(code.id());
      audit.record(event(AuditLog.AUTH_CODE_VERIFIER_MISMATCH, code, null, clientAddress));
      return ExchangeErrors.invalid();
    }
    // Unused, unexpired and matching, yet the exchange found nothing: it expired between the two
    // statements' clocks. Refuse rather than issue outside the single atomic statement.
    return ExchangeErrors.expired();
  }

  private static boolean challengeMet(Optional<String> challenge, Optional<String> fromVerifier) {
    if (challenge.isEmpty()) {
      return true;
    }
    return fromVerifier.isPresent()
        && Secrets.constantTimeEquals(
            Secrets.sha256(challenge.get()), Secrets.sha256(fromVerifier.get()));
  }

  private static AuditEvent event(
      String type, AuthCodeRepository.AuthCodeState code, UUID keyId, String clientAddress) {
    return new AuditEvent(
        type, code.accountId(), code.merchantId(), keyId, code.id(), clientAddress);
  }
}
