package so.lava.auth.exchange;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import so.lava.auth.api.JsonBody;

/**
 * {@code POST /v1/auth/callback}: exchange a one-time code for a secret key. No authentication: the
 * code is the credential. Routes only; the rules are in {@link CodeExchange}.
 */
@RestController
class ExchangeController {

  private final CodeExchange exchange;

  ExchangeController(CodeExchange exchange) {
    this.exchange = exchange;
  }

  @PostMapping(path = "/v1/auth/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ExchangeResponse> exchangeCode(
      @RequestBody JsonBody body, HttpServletRequest request) {
    IssuedKey key = exchange.exchange(ExchangeRequest.parse(body), request.getRemoteAddr());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .contentType(MediaType.APPLICATION_JSON)
        .body(ExchangeResponse.of(key));
  }
}
