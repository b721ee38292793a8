package com.financereport.backend.http;

import com.financereport.observability.http.RequestId;
import com.financereport.observability.http.ServerRequest;
import com.financereport.observability.http.ServerRequests;
import io.opentelemetry.context.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Wraps each request, around all of Javalin, in its request id (MDC {@code request_id}, echoed as
 * X-Request-ID) and its trace context (current for the thread): a recorded SERVER span when traces
 * are on, its {@code traceparent} echoed in the response. A servlet filter, because its
 * try/finally is the one place that is certain to clear both before Jetty reuses the thread.
 */
final class RequestContextFilter implements Filter {
  static final String REQUEST_ID_ATTRIBUTE = RequestContextFilter.class.getName() + ".requestId";
  /** The matched route template, set by the request log once Javalin has routed the request. */
  static final String ROUTE_ATTRIBUTE = RequestContextFilter.class.getName() + ".route";

  private final ServerRequests requests;

  RequestContextFilter(ServerRequests requests) {
    this.requests = requests;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String requestId = RequestId.resolve(http.getHeader(RequestId.HEADER));
    http.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    httpResponse.setHeader(RequestId.HEADER, requestId);
    ServerRequest telemetry =
        requests.start(
            http.getMethod(), http.getScheme(), http.getRequestURI(), http::getHeader, httpResponse::setHeader);
    MDC.put(RequestId.MDC_KEY, requestId);
    Scope scope = telemetry.context().makeCurrent();
    Throwable failure = null;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      telemetry.end((String) http.getAttribute(ROUTE_ATTRIBUTE), httpResponse.getStatus(), failure);
      scope.close();
      MDC.remove(RequestId.MDC_KEY);
    }
  }
}
