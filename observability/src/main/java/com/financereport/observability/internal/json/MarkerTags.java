package com.financereport.observability.internal.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Marker;

/**
 * The SLF4J markers of an event as tag names, as logstash-logback-encoder writes them: each marker
 * and the markers it references, once each, in the order met. Both outputs use it (the stdout
 * line's {@code tags} array and the OTLP record's {@code tags} attribute).
 */
public final class MarkerTags {
  private MarkerTags() {}

  /** The tag names; an empty list, without allocating, when the event has no marker. */
  public static List<String> of(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    if (markers == null || markers.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(markers.size());
    for (Marker marker : markers) {
      add(marker, names);
    }
    return names;
  }

  private static void add(Marker marker, List<String> names) {
    if (marker == null || names.contains(marker.getName())) {
      return;
    }
    names.add(marker.getName());
    for (Iterator<Marker> references = marker.iterator(); references.hasNext(); ) {
      add(references.next(), names);
    }
  }
}
