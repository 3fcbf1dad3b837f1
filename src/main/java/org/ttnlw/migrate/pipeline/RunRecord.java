package org.ttnlw.migrate.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One run of a command as its report file tells it.
 *
 * @param items what the run moved, e.g. "devices"
 * @param verb what it did to each, e.g. "migrated"
 * @param notices each notice of the run with its items
 */
public record RunRecord(String items, String verb, ExportSummary summary,
    List<ItemOutcomes.Entry> outcomes, Map<String, List<String>> notices, Outcome outcome) {}
