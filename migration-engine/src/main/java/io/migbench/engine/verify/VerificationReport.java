package io.migbench.engine.verify;

import io.migbench.engine.VerificationMismatch;
import io.migbench.engine.schema.TableName;

import java.util.List;
import java.util.Map;

public record VerificationReport(Map<TableName, TableCheck> tables, List<VerificationMismatch> mismatches) {
    public VerificationReport {
        tables = Map.copyOf(tables);
        mismatches = List.copyOf(mismatches);
    }
}
