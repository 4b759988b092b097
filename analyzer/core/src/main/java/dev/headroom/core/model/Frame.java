package dev.headroom.core.model;

/**
 * One step of a call chain: a method and the line in it of the call (or, for the last frame, of the
 * event). Line 0 means the class file has no line number for that instruction.
 */
public record Frame(MethodId method, int line) {
}
