package so.lava.auth.exchange;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import so.lava.auth.api.ApiException;
import so.lava.auth.api.JsonBody;
import so.lava.auth.limits.RateLimits;
import so.lava.auth.limits.RateLimits.Limit;

/**
 * {@code POST /v1/auth/callback}: exchange a one-time code for a secret key. No authentication: the
 * code is the credential. Routes only; the rules are in {@link CodeExchange}.
 */
@RestController
class ExchangeController {

  private final CodeExchange exchange;
  private final RateLimits limits;

  ExchangeController(CodeExchange exchange, RateLimits limits) {
    this.exchange = exchange;
    this.limits = limits;
  }

  @PostMapping(path = "/v1/auth/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ExchangeResponse> exchangeCode(
      @RequestBody JsonBody body, HttpServletRequest request) {
    String address = request.getRemoteAddr();
    limits.take(Limit.EXCHANGES_PER_ADDRESS, address);
    limits.check(Limit.FAILED_EXCHANGES, "all");
    IssuedKey key;
    try {
      key = exchange.exchange(ExchangeRequest.parse(body), address);
    } catch (ApiException refused) {
      if (refused.error().status() == 400) {
        limits.spend(Limit.FAILED_EXCHANGES, "all");
      }
      throw refused;
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .contentType(MediaType.APPLICATION_JSON)
        .body(ExchangeResponse.of(key));
  }
}
