package so.lava.auth.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/auth/whoami}: who the calling key is. The CLI's {@code whoami} uses it, and other
 * services can verify a key by forwarding the caller's {@code Authorization} header here.
 */
@RestController
class WhoamiController {

  @GetMapping("/v1/auth/whoami")
  ResponseEntity<Whoami> whoami(@RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey caller) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new Whoami(
                caller.secretKeyId().toString(),
                caller.name(),
                caller.merchantId().toString(),
                caller.walletId().toString(),
                caller.accountEmail(),
                caller.createdAt().toString()));
  }

  record Whoami(
      @JsonProperty("secret_key_id") String secretKeyId,
      @JsonProperty("name") String name,
      @JsonProperty("merchant_id") String merchantId,
      @JsonProperty("wallet_id") String walletId,
      @JsonProperty("account_email") String accountEmail,
      @JsonProperty("created_at") String createdAt) {}
}
