/**
 * Helpers shared by the engine's packages (test pause points, password redaction) that are no part of the public
 * API; the harness also uses the redaction. Not a stable API.
 */
package io.migbench.engine.internal;
