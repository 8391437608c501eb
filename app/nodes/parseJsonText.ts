import { locateJsonError } from './locateJsonError';

/** Result of parsing JSON text with a located error on failure. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses JSON text; on failure returns a message with the 1-based line and
 * column and the 0-based character position of the error.
 */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const position = locateJsonError(text) ?? 0;
    const { line, column } = lineAndColumn(text, position);
    const found = position >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[position])}`;
    return { ok: false, message: `invalid JSON at line ${line} column ${column} (position ${position}): ${found}` };
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
