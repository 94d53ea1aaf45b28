package so.lava.auth.accounts;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts sign-ins by outcome ({@code lava.sign_ins}) for the metrics endpoint. */
@Component
class SignInMetrics {

  private final MeterRegistry meters;

  SignInMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    meters.counter("lava.sign_ins", "outcome", "success").increment();
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    meters.counter("lava.sign_ins", "outcome", "failure").increment();
  }
}
