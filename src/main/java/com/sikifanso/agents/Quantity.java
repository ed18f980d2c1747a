package com.sikifanso.agents;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 250m}, {@code 1Gi}, {@code 1e3}, {@code -1.5E-2}), compared
 * by value. The grammar is k8s.io/apimachinery's resource/quantity.go:
 * <pre>
 * quantity        ::= signedNumber suffix
 * signedNumber    ::= number | sign number          sign ::= "+" | "-"
 * number          ::= digits | digits "." digits | digits "." | "." digits
 * suffix          ::= binarySI | decimalExponent | decimalSI
 * binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei
 * decimalSI       ::= n | u | m | "" | k | M | G | T | P | E
 * decimalExponent ::= "e" signedInteger | "E" signedInteger   (an int64)
 * </pre>
 * As Kubernetes does, a value beyond 2^63-1 in magnitude is capped there, and one more precise than
 * a nano-unit is rounded up to it.
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {
    private static final Pattern FORMAT = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", binary(10)), Map.entry("Mi", binary(20)), Map.entry("Gi", binary(30)),
            Map.entry("Ti", binary(40)), Map.entry("Pi", binary(50)), Map.entry("Ei", binary(60)),
            Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)), Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
            Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)), Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
            Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)), Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
            Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)), Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
            Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)));
    /** The largest magnitude a Kubernetes quantity holds: 2^63-1. */
    static final BigDecimal MAX = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE));
    private static final int NANO_SCALE = 9;
    /** Exponents beyond this push any non-zero number past MAX or below a nano-unit, so need no arithmetic. */
    private static final int EXPONENT_BOUND = 64;

    /** Parses {@code text}; empty when it is not a quantity Kubernetes would accept. */
    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        BigDecimal value;
        // "E" and "Ei" are suffixes; only E or e followed by digits is an exponent.
        if (suffix != null && !SUFFIXES.containsKey(suffix)) {
            Optional<Long> exponent = exponent(suffix.substring(1));
            if (exponent.isEmpty()) {
                return Optional.empty();
            }
            value = scaled(number, exponent.get());
        } else {
            value = number.multiply(suffix == null ? BigDecimal.ONE : SUFFIXES.get(suffix));
        }
        return Optional.of(new Quantity(text.strip(), bounded(value)));
    }

    /** Kubernetes reads the exponent as an int64: one that does not fit is not a quantity. */
    private static Optional<Long> exponent(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal scaled(BigDecimal number, long exponent) {
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (exponent > EXPONENT_BOUND + number.scale()) {
            return MAX.multiply(BigDecimal.valueOf(number.signum()));
        }
        if (exponent < -EXPONENT_BOUND - number.precision()) {
            return BigDecimal.ONE.scaleByPowerOfTen(-NANO_SCALE).multiply(BigDecimal.valueOf(number.signum()));
        }
        return number.scaleByPowerOfTen((int) exponent);
    }

    private static BigDecimal bounded(BigDecimal value) {
        if (value.abs().compareTo(MAX) > 0) {
            return MAX.multiply(BigDecimal.valueOf(value.signum()));
        }
        // Rounded up, away from zero for a positive value, as Kubernetes rounds 0.1m up to 1m.
        return value.setScale(NANO_SCALE, RoundingMode.CEILING).stripTrailingZeros();
    }

    private static BigDecimal binary(int power) {
        return new BigDecimal(BigInteger.ONE.shiftLeft(power));
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    public static Quantity min(Quantity a, Quantity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return text;
    }
}
