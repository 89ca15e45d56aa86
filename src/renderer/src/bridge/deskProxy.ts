// Builds a Desk from one generic call function: every contract method, none written by hand.
import { METHOD_NAMES, type Desk, type DeskApi, type DeskEvents, type MethodName } from '@shared/contract';

export type CallFunction = (method: MethodName, input: unknown) => Promise<unknown>;

export function createDeskProxy(call: CallFunction, on: DeskEvents['on']): Desk {
  const api = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => call(method, input ?? {})]),
  ) as unknown as DeskApi;
  return Object.freeze({ ...api, on });
}
