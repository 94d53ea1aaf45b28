package so.lava.auth.keys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiErrorWriter;
import so.lava.auth.api.ApiException;
import so.lava.auth.limits.RateLimits;

/**
 * Bearer authentication (RFC 6750) for every {@code /v1} route but the public ones: the exchange
 * (the code is its credential) and the OpenAPI document. Routes only: the format check is {@link
 * SecretKeyFormat}, the lookup {@link KeyVerifier}. A key with a bad checksum is refused without a
 * database query.
 */
public class SecretKeyAuthenticationFilter extends OncePerRequestFilter {

  public static final String AUTHENTICATION_REQUIRED = "authentication_required";
  public static final String INVALID_SECRET_KEY = "invalid_secret_key";
  public static final String SECRET_KEY_REVOKED = "secret_key_revoked";

  private static final Set<String> PUBLIC = Set.of("/v1/auth/callback", "/v1/openapi.json");
  private static final String BEARER = "bearer ";

  private final KeyVerifier verifier;
  private final KeyUsage usage;
  private final FailedAuthentications failures;
  private final ApiErrorWriter errors;
  private final MeterRegistry meters;
  private final RateLimits limits;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

  public SecretKeyAuthenticationFilter(
      KeyVerifier verifier,
      KeyUsage usage,
      FailedAuthentications failures,
      ApiErrorWriter errors,
      MeterRegistry meters,
      RateLimits limits) {
    this.limits = limits;
    this.verifier = verifier;
    this.usage = usage;
    this.failures = failures;
    this.errors = errors;
    this.meters = meters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/v1/") || PUBLIC.contains(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      refuse(
          request,
          response,
          AUTHENTICATION_REQUIRED,
          "This route needs a secret key: send the header Authorization: Bearer lava_sk_...");
      return;
    }
    String key =
        header.length() > BEARER.length()
                && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
            ? header.substring(BEARER.length()).strip()
            : "";
    if (!SecretKeyFormat.isWellFormed(key)) {
      refuse(
          request,
          response,
          INVALID_SECRET_KEY,
          "The secret key is not valid. Send Authorization: Bearer lava_sk_... with a whole key.");
      return;
    }
    KeyVerifier.Verification verification = verifier.verify(key);
    switch (verification.outcome()) {
      case UNKNOWN -> refuse(request, response, INVALID_SECRET_KEY, "The secret key is not valid.");
      case REVOKED ->
          refuse(
              request,
              response,
              SECRET_KEY_REVOKED,
              "The secret key has been revoked. Create a new one, or run lava login again.");
      case VALID -> {
        VerifiedKey verified = verification.key().orElseThrow();
        try {
          limits.take(RateLimits.Limit.REQUESTS_PER_KEY, verified.secretKeyId().toString());
        } catch (ApiException limited) {
          errors.write(response, limited);
          return;
        }
        count("accepted");
        usage.used(verified.secretKeyId());
        request.setAttribute(VerifiedKey.ATTRIBUTE, verified);
        chain.doFilter(request, response);
      }
    }
  }

  private void count(String outcome) {
    outcomes
        .computeIfAbsent(outcome, o -> meters.counter("lava.key.authentications", "outcome", o))
        .increment();
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, String code, String message)
      throws IOException {
    failures.record(request.getRemoteAddr(), code);
    count(code);
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        AUTHENTICATION_REQUIRED.equals(code)
            ? "Bearer realm=\"lava\""
            : "Bearer realm=\"lava\", error=\"invalid_token\"");
    errors.write(response, ApiError.of(401, code, message));
  }
}
