package so.lava.auth.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests so malformed that Tomcat refuses them before the application sees them (an invalid URL
 * encoding, an encoded slash, an oversized header) still get our answer: the Error schema on {@code
 * /v1}, a plain page elsewhere, never Tomcat's own error page.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // An encoded slash (%2F) goes on to the application, whose firewall refuses it in our words.
    factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling("passthrough"));
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
            host.setErrorReportValveClass(Valve.class.getName());
          }
        });
  }

  /** Tomcat's last resort, answering in our shapes. */
  public static class Valve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String uri = request.getDecodedRequestURI();
      boolean api =
          uri == null
              || uri.startsWith("/v1/")
              || request.getRequestURI() == null
              || request.getRequestURI().startsWith("/v1/");
      String body =
          api
              ? "{\"error\":{\"message\":\"The request could not be understood.\",\"code\":\""
                  + (status >= 500 ? "internal_error" : "invalid_request")
                  + "\",\"status\":"
                  + status
                  + "}}"
              : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>That request"
                  + " didn't work · Lava</title></head><body><h1>That request didn't work</h1>"
                  + "<p>The address or the request was malformed. Go back and try again.</p></body></html>";
      try {
        response.setContentType(api ? "application/json" : "text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        response.finishResponse();
      } catch (IOException | IllegalStateException ignored) {
        // the client is gone; nothing more to say
      }
    }
  }
}
