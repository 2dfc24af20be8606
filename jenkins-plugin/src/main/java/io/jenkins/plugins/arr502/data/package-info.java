/**
 * What the plugin persists and sends over the agent channel: plain classes of strings, numbers and
 * lists, no Jenkins types. Jenkins stores them with XStream (build.xml, the periodic results file),
 * which cannot restore records and bypasses constructors and field initialisers, so each class is a
 * plain class whose {@code readResolve} fills defaults for old or partial data. This package is
 * compiled and XStream round-tripped without Jenkins by the default build ({@code jenkins-lint}), so it
 * must not import Jenkins.
 */
package io.jenkins.plugins.arr502.data;
