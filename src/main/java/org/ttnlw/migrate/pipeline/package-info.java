/**
 * The generic pipeline for any kind of item: Job, ExportPipeline, the run journal, the line
 * writer, progress, the summary, delivery to a target, transforms, source side effects and the
 * run plan. Imports core, json, calls, tts and source only; not a target, not a kind of item.
 */
package org.ttnlw.migrate.pipeline;
