package org.ttnlw.migrate.pipeline;

import java.util.function.Supplier;

/** Told by the pipeline, after each step of a device, how far the run is. */
public interface RunProgress {
  RunProgress NONE = new RunProgress() {
    @Override
    public void changed(Supplier<ExportSummary> counts) {}

    @Override
    public void ended() {}
  };

  /** The counts may have changed; {@code counts} gives them when the display wants them. */
  void changed(Supplier<ExportSummary> counts);

  /** The run is over (its summary follows). */
  void ended();
}
