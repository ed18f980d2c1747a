package com.sikifanso.cli;

import com.sikifanso.cluster.RegistryRequest;
import com.sikifanso.core.SikifansoException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --registry-create} in k3d's forms (NAME, NAME:PORT, NAME:HOST:PORT) and the bare PORT, read once here. */
final class RegistryRequestConverter implements ITypeConverter<RegistryRequest> {
    @Override
    public RegistryRequest convert(String value) {
        try {
            return RegistryRequest.parse(value);
        } catch (SikifansoException e) {
            throw new TypeConversionException(e.getMessage() + (e.fix() == null ? "" : "; " + e.fix().cli()));
        }
    }
}
