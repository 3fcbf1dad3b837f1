package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;

/** Threads that meet a fresh registry together build its codecs once and write the same JSON. */
class ConcurrencyTest {
  private static final int THREADS = 4;

  @Test
  void threadsSharingAFreshRegistryWriteWhatOneThreadWrites() throws Exception {
    List<Message> devices = new ArrayList<>();
    for (int variant = 0; variant < 8; variant++) {
      devices.add(PopulatedMessages.populated(EndDevice.getDefaultInstance(), variant));
    }
    List<String> expected = new ArrayList<>();
    for (Message device : devices) {
      expected.add(TtsJson.instance().toJson(device));
    }
    CodecRegistry fresh = new CodecRegistry();
    Callable<List<String>> writeAll =
        () -> {
          List<String> written = new ArrayList<>();
          for (Message device : devices) {
            written.add(write(fresh, device));
          }
          return written;
        };
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(writeAll));
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String write(CodecRegistry codecs, Message message) throws IOException {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = new JsonFactory().createGenerator(json)) {
      codecs.forMessage(message.getDescriptorForType()).write(message, out);
    }
    return json.toString();
  }
}
