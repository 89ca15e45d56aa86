// Errors that cross the contract boundary travel as {name, message}.

export interface WireError {
  name: string;
  message: string;
}

export class DeskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const invalidInput = (message: string) => new DeskError('InvalidInput', message);
export const notFound = (what: string) => new DeskError('NotFound', `${what} was not found`);
export const conflict = (message: string) => new DeskError('Conflict', message);

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

export function fromWireError(wire: WireError): DeskError {
  return new DeskError(wire.name, wire.message);
}
