package org.ttnlw.migrate.bench;

/**
 * {@code --devices N --latency-ms N}, the arguments of the benchmarks that seed one application
 * and answer every call after a latency.
 */
record BenchArgs(int devices, int latencyMs) {
  /** @param defaultDevices the devices without {@code --devices}; the latency defaults to 20 ms */
  static BenchArgs parse(String[] args, int defaultDevices) {
    int devices = defaultDevices;
    int latencyMs = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--devices" -> devices = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --devices N --latency-ms N");
      }
    }
    return new BenchArgs(devices, latencyMs);
  }
}
