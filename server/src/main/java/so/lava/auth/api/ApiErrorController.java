package so.lava.auth.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (the servlet container's own, or a filter's {@code
 * sendError}) land here; they get the Error schema too, instead of Spring Boot's default body.
 */
@RestController
class ApiErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = attribute instanceof Integer code ? code : 500;
    return ApiErrorHandler.render(forStatus(status), new HttpHeaders());
  }

  private static ApiError forStatus(int status) {
    return switch (status) {
      case 400 ->
          ApiError.of(400, ApiError.INVALID_REQUEST, "The request could not be understood.");
      case 404 -> ApiError.of(404, ApiError.NOT_FOUND, "There is no such route.");
      case 405 -> ApiError.of(405, ApiError.METHOD_NOT_ALLOWED, "This method is not allowed here.");
      case 413 -> RequestBodyLimitFilter.TOO_LARGE;
      case 415 ->
          ApiError.of(
              415,
              ApiError.UNSUPPORTED_MEDIA_TYPE,
              "Send the request body as JSON with the header Content-Type: application/json.");
      default ->
          status >= 500
              ? ApiError.of(status, ApiError.INTERNAL_ERROR, "Something went wrong on our side.")
              : ApiError.of(status, ApiError.INVALID_REQUEST, "The request was refused.");
    };
  }
}
