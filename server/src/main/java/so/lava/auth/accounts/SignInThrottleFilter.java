package so.lava.auth.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import so.lava.auth.system.ErrorPages;

/**
 * Runs before the password is checked: a throttled sign-in gets {@code 429} and a page that says
 * how long to wait, and its password is not even hashed.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  public SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/signin".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> wait =
        throttle.blockedFor(request.getParameter("email"), request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
    ErrorPages.explain(
        request,
        "Too many failed sign-ins",
        "There have been too many failed attempts to sign in to this account or from this"
            + " network. Wait "
            + minutes
            + (minutes == 1 ? " minute" : " minutes")
            + " and try again.");
    response.sendError(429);
  }
}
