package so.lava.auth.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiErrorWriter;

/**
 * Where every error that was not answered on the spot ends up (the servlet container's own, a
 * filter's {@code sendError}, a page's failure): {@code /v1} routes get the Error schema, pages a
 * page that says what happened and what to do.
 */
@Controller
public class ErrorPages implements ErrorController {

  private static final String TITLE = ErrorPages.class.getName() + ".title";
  private static final String MESSAGE = ErrorPages.class.getName() + ".message";

  private final ApiErrorWriter errors;

  ErrorPages(ApiErrorWriter errors) {
    this.errors = errors;
  }

  /** Sets what the error page will say, before {@code sendError}. */
  public static void explain(HttpServletRequest request, String title, String message) {
    request.setAttribute(TITLE, title);
    request.setAttribute(MESSAGE, message);
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : 500;
    if (DatabaseUnavailable.causes(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      // Failed before a controller could say so (a session lookup, a key check): still a 503.
      status = 503;
      response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (uri instanceof String path && path.startsWith("/v1/")) {
      errors.write(response, ApiError.forStatus(status));
      return null;
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(status));
    page.addObject("status", status);
    page.addObject("title", text(request, TITLE, titleFor(status)));
    page.addObject("message", text(request, MESSAGE, messageFor(status)));
    return page;
  }

  private static String text(HttpServletRequest request, String attribute, String fallback) {
    return request.getAttribute(attribute) instanceof String text ? text : fallback;
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "That request didn't work";
      case 403 -> "Not allowed";
      case 404 -> "Page not found";
      case 405 -> "That didn't work";
      case 429 -> "Too many attempts";
      case 503 -> "Briefly unavailable";
      default -> status >= 500 ? "Something went wrong" : "That didn't work";
    };
  }

  private static String messageFor(int status) {
    return switch (status) {
      case 403 ->
          "The form may have been open too long, or you were signed out. Go back, reload the page"
              + " and try again.";
      case 404 -> "There is nothing at this address. Check the link, or start from the dashboard.";
      case 429 -> "Wait a few minutes and try again.";
      case 503 -> "The service is briefly unavailable. Try again in a few seconds.";
      default ->
          status >= 500
              ? "Something went wrong on our side. Try again; if it keeps happening, tell us."
              : "Go back and try again.";
    };
  }
}
