package org.ttnlw.migrate.source.awsiot;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator must hear once the run is over, whatever the per-device warnings said: the
 * devices AWS still serves, the OTAA devices that have to rejoin, ABP devices whose frame counters
 * were not known, and the non-LoRaWAN devices a listing skipped.
 */
final class AwsIotReport {
  private static final Logger log = LoggerFactory.getLogger(AwsIotReport.class);

  private final AtomicLong read = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong otaa = new AtomicLong();
  private final AtomicLong abpWithoutCounters = new AtomicLong();
  private final AtomicLong notLorawan = new AtomicLong();

  void read(Activation activation, boolean countersKnown) {
    read.incrementAndGet();
    if (activation.otaa()) {
      otaa.incrementAndGet();
    } else if (!countersKnown) {
      abpWithoutCounters.incrementAndGet();
    }
  }

  void deleted() {
    deleted.incrementAndGet();
  }

  void skippedNotLorawan() {
    notLorawan.incrementAndGet();
  }

  void log() {
    if (notLorawan.get() > 0) {
      log.warn("{} non-LoRaWAN (Sidewalk) devices were skipped; they cannot move to TTS",
          notLorawan.get());
    }
    if (otaa.get() > 0) {
      log.warn("{} OTAA devices exported without a session (AWS does not expose it): they must"
          + " join TTS afresh, which they do once AWS no longer answers them", otaa.get());
    }
    if (abpWithoutCounters.get() > 0) {
      log.warn("{} ABP devices exported without their frame counters (AWS does not expose them):"
          + " TTS accepts their counters from 0 (resets_f_cnt); give --frame-counters to keep"
          + " them", abpWithoutCounters.get());
    }
    if (read.get() > deleted.get()) {
      log.warn("AWS IoT Core was not changed for {} of the devices read: they are still live"
          + " there and answer their devices alongside TTS; delete them there, or run again with"
          + " --delete-source-device once the import succeeded", read.get() - deleted.get());
    }
  }
}
