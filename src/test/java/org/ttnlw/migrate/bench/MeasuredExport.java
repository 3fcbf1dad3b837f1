package org.ttnlw.migrate.bench;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ttnlw.migrate.cli.Io;
import org.ttnlw.migrate.cli.Main;
import org.ttnlw.migrate.core.StopSignal;

/**
 * Runs the tool like its launcher does, then prints its peak heap and RSS on stderr
 * as {@code measured: peak-heap-bytes=N peak-rss-bytes=N}, for {@link ExportBenchmark}.
 */
public final class MeasuredExport {
  private MeasuredExport() {}

  public static void main(String[] args) throws IOException {
    BufferedOutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    int exit = Main.run(args, new Io(System.getenv(), System.in, out, System.err,
        new StopSignal()));
    out.flush();
    long peakHeap = ExportBenchmark.peakHeapBytes();
    long peakRss = -1;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        peakRss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    System.err.println("measured: peak-heap-bytes=" + peakHeap + " peak-rss-bytes=" + peakRss);
    System.exit(exit);
  }
}
