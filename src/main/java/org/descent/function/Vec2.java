package org.descent.function;

/** A point of the plane. */
public record Vec2(double x, double y) {
}
