package so.lava.auth.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;

/**
 * Puts failed key authentications in the audit log, at most one per client address and reason a
 * minute from each instance: enough to see an attack, too little for one to flood the log.
 */
@Component
public class FailedAuthentications {

  private final AuditLog audit;
  private final Cache<String, Boolean> recent =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  FailedAuthentications(AuditLog audit) {
    this.audit = audit;
  }

  void record(String clientAddress, String reason) {
    if (recent.asMap().putIfAbsent(clientAddress + " " + reason, Boolean.TRUE) == null) {
      audit.record(
          new AuditEvent(
              AuditLog.SECRET_KEY_AUTHENTICATION_FAILED,
              null,
              null,
              null,
              null,
              clientAddress,
              Map.of("reason", reason)));
    }
  }
}
