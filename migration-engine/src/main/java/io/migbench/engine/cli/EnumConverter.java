package io.migbench.engine.cli;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.RunPhase;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TargetMode;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.sqlserver.IdentifierCase;
import io.migbench.engine.sqlserver.SourceIsolation;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads enum options in their command-line spelling: lower case, hyphens ({@code drop-recreate}). */
abstract class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    EnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
        }
    }

    static final class Split extends EnumConverter<SplitStrategy> {
        Split() { super(SplitStrategy.class); }
    }

    static final class Format extends EnumConverter<CopyFormat> {
        Format() { super(CopyFormat.class); }
    }

    static final class Verify extends EnumConverter<VerifyMode> {
        Verify() { super(VerifyMode.class); }
    }

    static final class Isolation extends EnumConverter<SourceIsolation> {
        Isolation() { super(SourceIsolation.class); }
    }

    static final class Naming extends EnumConverter<IdentifierCase> {
        Naming() { super(IdentifierCase.class); }
    }

    static final class RunPhaseName extends EnumConverter<RunPhase> {
        RunPhaseName() { super(RunPhase.class); }
    }

    static final class Mode extends EnumConverter<TargetMode> {
        Mode() { super(TargetMode.class); }
    }
}
