package com.financereport.bench.encoder;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Where every encoder under test writes: counts bytes and remembers the last one so the JIT
 * cannot drop the writes, then forgets them. One per benchmark thread, so threads never contend
 * on the sink and only the encoders' own sharing shows in the figures.
 *
 * <p>It is both an {@link OutputStream} (Logback encoders) and a Log4j {@link
 * ByteBufferDestination} (JsonTemplateLayout.encode), so every peer pays the same for the sink.
 */
final class DiscardingSink extends OutputStream implements ByteBufferDestination {
  private final ByteBuffer buffer = ByteBuffer.allocate(8192);
  private long bytes;
  private int last;

  /** Bytes written since the start; the benchmarks return it so the work is consumed. */
  long bytes() {
    return bytes + last;
  }

  @Override
  public void write(int b) {
    bytes++;
    last = b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (len > 0) {
      bytes += len;
      last = b[off + len - 1];
    }
  }

  @Override
  public ByteBuffer getByteBuffer() {
    return buffer;
  }

  @Override
  public ByteBuffer drain(ByteBuffer buf) {
    buf.flip();
    consume(buf);
    buf.clear();
    return buf;
  }

  @Override
  public void writeBytes(ByteBuffer data) {
    consume(data);
  }

  @Override
  public void writeBytes(byte[] data, int offset, int length) {
    write(data, offset, length);
  }

  private void consume(ByteBuffer data) {
    int len = data.remaining();
    if (len > 0) {
      bytes += len;
      last = data.get(data.limit() - 1);
      data.position(data.limit());
    }
  }
}
