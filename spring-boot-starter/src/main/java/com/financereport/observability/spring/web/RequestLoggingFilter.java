package com.financereport.observability.spring.web;

import com.financereport.observability.http.ServerRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The backend's request rules for Spring MVC ({@link LoggedRequest}): the request's id and trace
 * are current for its thread while the chain runs, and it ends with one "HTTP Request" line.
 */
public final class RequestLoggingFilter extends OncePerRequestFilter {
  private final ServerRequests requests;

  public RequestLoggingFilter(ServerRequests requests) {
    this.requests = requests;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LoggedRequest logged =
        LoggedRequest.start(
            requests,
            request.getMethod(),
            request.getScheme(),
            request.getRequestURI(),
            request::getHeader,
            response::setHeader);
    Throwable failure = null;
    try (LoggedRequest.RequestScope ignored = logged.enter()) {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      logged.end(route(request), response.getStatus(), failure);
    }
  }

  /** MVC's matched route template; null when no handler matched (a 404). */
  static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return LoggedRequest.template(pattern instanceof String template ? template : null);
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }
}
