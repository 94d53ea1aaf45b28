package so.lava.auth.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Counts the failure for {@link SignInThrottle}, then shows the sign-in page again. */
public class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

  private final SignInThrottle throttle;

  public SignInFailureHandler(SignInThrottle throttle) {
    super("/signin?error");
    this.throttle = throttle;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, ServletException {
    throttle.recordFailure(request.getParameter("email"), request.getRemoteAddr());
    super.onAuthenticationFailure(request, response, exception);
  }
}
