package io.arr502.core.gate;

/** What a breached threshold does to a build, in warnings-ng's terms (worst last). */
public enum Criticality {
    NOTE, UNSTABLE, FAILURE
}
