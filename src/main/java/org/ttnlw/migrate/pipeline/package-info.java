/**
 * The generic pipeline for any kind of item: Job, JobRunner (one run with its journal, output,
 * plan and progress, ending in an Outcome), the run's checked RunSettings and Mode,
 * ExportPipeline, the run journal, the line writer and the warnings about where it writes,
 * progress, the summary, delivery to a target, transforms, source side effects and the run
 * plan. Imports core, json, calls, tts and source only; not a target, not a kind of item.
 */
package org.ttnlw.migrate.pipeline;
