// One error type with a stable code; the CLI prints `code: message` and exits non-zero, never a stack.
export const ErrorCodes = {
  INPUT_EMPTY: "ORBAT_E_INPUT_EMPTY",
  INPUT_BINARY: "ORBAT_E_INPUT_BINARY",
  INPUT_TOO_LARGE: "ORBAT_E_INPUT_TOO_LARGE",
  INPUT_NOT_FOUND: "ORBAT_E_INPUT_NOT_FOUND",
  INPUT_FORMAT: "ORBAT_E_INPUT_FORMAT",
  FEED_MALFORMED: "ORBAT_E_FEED_MALFORMED",
  JSONL_LINE: "ORBAT_E_JSONL_LINE",
  DATE_INVALID: "ORBAT_E_DATE_INVALID",
  FETCH: "ORBAT_E_FETCH",
  FETCH_BLOCKED: "ORBAT_E_FETCH_BLOCKED",
  FETCH_TOO_LARGE: "ORBAT_E_FETCH_TOO_LARGE",
  FETCH_TIMEOUT: "ORBAT_E_FETCH_TIMEOUT",
  KB_INVALID: "ORBAT_E_KB_INVALID",
  KB_MISSING: "ORBAT_E_KB_MISSING",
  PIPELINE_ORDER: "ORBAT_E_PIPELINE_ORDER",
  TIME_BUDGET: "ORBAT_E_TIME_BUDGET",
  USAGE: "ORBAT_E_USAGE",
  EVAL_DATA: "ORBAT_E_EVAL_DATA",
  STORE: "ORBAT_E_STORE",
  QUEUE: "ORBAT_E_QUEUE",
  EXPORT_INVALID: "ORBAT_E_EXPORT_INVALID",
} as const;
/**
 * Exit codes: 0 success, 1 internal error (a bug), 2 a typed error stopped the command, 3 the command
 * finished but some documents failed (each reported with its code).
 */
export const PARTIAL_FAILURE = 3;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class OrbatError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "OrbatError";
  }

  toJSON(): { code: ErrorCode; message: string; hint?: string } {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isOrbatError(e: unknown): e is OrbatError {
  return e instanceof OrbatError;
}
