package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.SafeLocation;
import com.financereport.observability.internal.export.ExportCounters;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Asks the collector once, in the background, whether it is there: the OTLP receiver answers a GET
 * on the logs path with 405. A failure is one warning naming the reason and the collector's host,
 * never its credentials or headers; logging carries on either way.
 */
final class CollectorProbe implements Runnable {
  static final int REACHABLE_STATUS = 405;

  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final ExportCounters counters;
  private final Logger warnings;

  CollectorProbe(
      URI endpoint,
      Map<String, String> headers,
      Duration timeout,
      ExportCounters counters,
      Logger warnings) {
    this.endpoint = endpoint;
    this.headers = headers;
    this.timeout = timeout;
    this.counters = counters;
    this.warnings = warnings;
  }

  /** Runs the probe on its own daemon thread, so that start-up never waits for the network. */
  Thread startInBackground() {
    Thread thread = new Thread(this, "otlp-collector-probe");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    String problem = probe();
    counters.endpointReachable(problem == null);
    if (problem != null) {
      warnings.warn(
          "OTLP collector at {} is not reachable: {}. Logs still go to stdout; export keeps trying"
              + " in the background",
          SafeLocation.of(endpoint),
          problem);
    }
  }

  /** Null when the collector answered as an OTLP receiver does, else the reason in words. */
  private String probe() {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setRequestMethod("GET");
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      connection.setInstanceFollowRedirects(false);
      headers.forEach(connection::setRequestProperty);
      int status = connection.getResponseCode();
      drain(connection);
      if (status == REACHABLE_STATUS) {
        return null;
      }
      return "it answered HTTP "
          + status
          + " to GET where an OTLP receiver answers 405; check the endpoint path and the proxy in"
          + " between";
    } catch (SocketTimeoutException e) {
      return "no answer within " + timeout.toSeconds() + " s";
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage();
      // Exception messages of URL parsing may repeat the URL; the class and a bare reason suffice.
      return e.getClass().getName()
          + (message == null || message.contains("://") ? "" : " (" + message + ")");
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static void drain(HttpURLConnection connection) {
    try (InputStream body =
        connection.getErrorStream() != null
            ? connection.getErrorStream()
            : connection.getInputStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    } catch (IOException ignored) {
      // The status code is all we needed.
    }
  }
}
