/**
 * marcjs's parsers are Node stream classes, but the editor only calls their static `parse`. In the
 * browser build `stream` resolves here (vite.config.ts), so the classes can be defined; their
 * stream methods are never used there, and calling one says so.
 */
function unavailable(): never {
  throw new Error('Node streams are not available in the browser');
}

export class Duplex {
  pipe(): never {
    return unavailable();
  }
}

export class Transform extends Duplex {}

export default { Duplex, Transform };
