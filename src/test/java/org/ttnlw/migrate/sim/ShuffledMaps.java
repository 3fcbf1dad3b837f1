package org.ttnlw.migrate.sim;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts the entries of every map field of an answer, however deep, in a random order, as TTS (Go)
 * and ChirpStack (Rust) write them: so that no test passes only because two servers happen to
 * agree on an order. Each simulator has its own seeded {@link Random}; the seed is printed when it
 * starts, and {@code -Dsim.map-order-seed=SEED} repeats a run's orders.
 */
public final class ShuffledMaps {
  public static final String SEED_PROPERTY = "sim.map-order-seed";

  private final Random random;

  private ShuffledMaps(long seed) {
    random = new Random(seed);
  }

  /** Shuffles for the named simulator, with the seed property's seed or a fresh one. */
  public static ShuffledMaps forSimulator(String name) {
    String given = System.getProperty(SEED_PROPERTY);
    long seed = given == null ? ThreadLocalRandom.current().nextLong() : Long.parseLong(given);
    System.err.println(name + ": map entries answered in random order, seed " + seed + " (-D"
        + SEED_PROPERTY + "=" + seed + " repeats it)");
    return new ShuffledMaps(seed);
  }

  /** The answer with the entries of its map fields reordered; anything but a message as it is. */
  @SuppressWarnings("unchecked")
  public <T> T shuffled(T answer) {
    if (!(answer instanceof Message message)) {
      return answer;
    }
    synchronized (random) {
      return (T) shuffle(message);
    }
  }

  private Message shuffle(Message message) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> set : message.getAllFields().entrySet()) {
      FieldDescriptor field = set.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.isRepeated()) {
        List<Message> items = new ArrayList<>();
        ((List<?>) set.getValue()).forEach(item -> items.add(shuffle((Message) item)));
        if (field.isMapField()) {
          Collections.shuffle(items, random);
        }
        builder.clearField(field);
        items.forEach(item -> builder.addRepeatedField(field, item));
      } else {
        builder.setField(field, shuffle((Message) set.getValue()));
      }
    }
    return builder.build();
  }
}
